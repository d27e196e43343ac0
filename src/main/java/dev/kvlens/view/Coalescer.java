package dev.kvlens.view;

import javafx.animation.PauseTransition;
import javafx.util.Duration;

import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Passes values on at most once per interval, on the FX thread: the first value of a burst at once, later ones
 * coalesced so that the last value always arrives, at most one interval late. For text nobody can read at the
 * display rate — the MLC log while a slider is dragged — and which costs as much to lay out and paint as the chart.
 */
final class Coalescer<T> {

    private final long intervalNanos;
    private final Consumer<T> sink;
    private final LongSupplier clock;
    private final PauseTransition wait = new PauseTransition();
    private long lastNanos;
    private boolean delivered;
    private T pending;

    Coalescer(Duration interval, Consumer<T> sink) {
        this(interval, sink, System::nanoTime);
    }

    Coalescer(Duration interval, Consumer<T> sink, LongSupplier clock) {
        this.intervalNanos = (long) (interval.toMillis() * 1_000_000);
        this.sink = sink;
        this.clock = clock;
        wait.setOnFinished(e -> deliver(pending));
    }

    void offer(T value) {
        long since = clock.getAsLong() - lastNanos;
        if (wait.getStatus() == javafx.animation.Animation.Status.RUNNING) {
            pending = value;
        } else if (!delivered || since >= intervalNanos) {
            deliver(value);
        } else {
            pending = value;
            wait.setDuration(Duration.millis((intervalNanos - since) / 1e6));
            wait.playFromStart();
        }
    }

    private void deliver(T value) {
        pending = null;
        delivered = true;
        lastNanos = clock.getAsLong();
        sink.accept(value);
    }
}
