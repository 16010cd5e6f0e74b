package io.rackscope.desktop.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;

/**
 * The listeners a view or view model attaches to longer-lived objects (the feed, the app context),
 * so that one {@link #dispose()} detaches them all when the user leaves: a view left behind must
 * not keep listening.
 */
public final class Subscriptions {
    private final List<Runnable> detach = new ArrayList<>();

    public <T> void onChange(ObservableValue<T> value, ChangeListener<? super T> listener) {
        value.addListener(listener);
        detach.add(() -> value.removeListener(listener));
    }

    public void onInvalidate(Observable value, InvalidationListener listener) {
        value.addListener(listener);
        detach.add(() -> value.removeListener(listener));
    }

    public void dispose() {
        detach.forEach(Runnable::run);
        detach.clear();
    }
}
