package dev.kvlens.ui.common;

import javafx.beans.Observable;
import javafx.beans.property.Property;
import javafx.beans.value.ObservableValue;
import javafx.util.Subscription;

import java.util.function.Consumer;

/**
 * A view's lifetime: what the view observes outside itself (view-model outputs, the language) is subscribed
 * through its scope, and {@link #dispose()} ends every subscription at once, so a view that is done — an exported
 * or copied chart card, a closed Help window — can be collected instead of recomputing on every slider step.
 */
public final class ViewScope {

    private Subscription subscriptions = Subscription.EMPTY;

    /** Calls {@code action} with the value now and on every change, until disposed. */
    public <T> void subscribe(ObservableValue<T> value, Consumer<? super T> action) {
        add(value.subscribe(action));
    }

    /** Runs {@code action} on every invalidation (not now), until disposed. */
    public void onInvalidated(Observable observable, Runnable action) {
        add(observable.subscribe(action));
    }

    /**
     * Binds {@code target} to {@code source} until disposed: an unbound label no longer recomputes its text when the
     * view model changes, even before the collector has taken the view.
     */
    public <T> void bind(Property<T> target, ObservableValue<? extends T> source) {
        target.bind(source);
        add(target::unbind);
    }

    /** Ends {@code subscription} with this scope. */
    public void add(Subscription subscription) {
        subscriptions = subscriptions.and(subscription);
    }

    /** Ends every subscription; the scope can be used again afterwards. */
    public void dispose() {
        Subscription ending = subscriptions;
        subscriptions = Subscription.EMPTY;
        ending.unsubscribe();
    }
}
