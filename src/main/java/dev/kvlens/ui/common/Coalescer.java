package dev.kvlens.ui.common;

import javafx.animation.PauseTransition;
import javafx.util.Duration;

import java.util.function.Consumer;

/**
 * Passes values on when they come to rest, on the FX thread: a value arriving after a quiet interval goes through
 * at once; values arriving faster than that (a slider being dragged) are held, and the last one goes through once
 * they stop for an interval. For text nobody reads while it changes every frame — the MLC log during a drag —
 * and which costs more to lay out and paint than the chart.
 */
public final class Coalescer<T> {

    private final long intervalNanos;
    private final Consumer<T> sink;
    private final PauseTransition quiet;
    private long lastOfferNanos;
    private boolean offered;
    private T pending;

    public Coalescer(Duration interval, Consumer<T> sink) {
        this.intervalNanos = (long) (interval.toMillis() * 1_000_000);
        this.sink = sink;
        this.quiet = new PauseTransition(interval);
        quiet.setOnFinished(e -> {
            T value = pending;
            pending = null;
            sink.accept(value);
        });
    }

    public void offer(T value) {
        long now = System.nanoTime();
        boolean resting = !offered || now - lastOfferNanos >= intervalNanos;
        offered = true;
        lastOfferNanos = now;
        if (resting && quiet.getStatus() != javafx.animation.Animation.Status.RUNNING) {
            sink.accept(value);
        } else {
            pending = value;
            quiet.playFromStart(); // restarts: the value goes through an interval after the last change
        }
    }
}
