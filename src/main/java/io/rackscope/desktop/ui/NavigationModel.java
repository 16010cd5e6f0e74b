package io.rackscope.desktop.ui;

import io.rackscope.desktop.arch.Port;
import java.util.ArrayDeque;
import java.util.Deque;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/** Where the user is, with browser-like back and forward. */
@Port
public final class NavigationModel implements Navigator {
    private static final int MAX_HISTORY = 200;
    private final ReadOnlyObjectWrapper<Place> current =
            new ReadOnlyObjectWrapper<>(this, "current", Place.WORLD);
    private final Deque<Place> back = new ArrayDeque<>();
    private final Deque<Place> forward = new ArrayDeque<>();
    private final ReadOnlyBooleanWrapper canGoBack = new ReadOnlyBooleanWrapper(this, "canGoBack");
    private final ReadOnlyBooleanWrapper canGoForward =
            new ReadOnlyBooleanWrapper(this, "canGoForward");

    @Override
    public ReadOnlyObjectProperty<Place> currentProperty() {
        return current.getReadOnlyProperty();
    }

    @Override
    public Place current() {
        return current.get();
    }

    public ReadOnlyBooleanProperty canGoBackProperty() {
        return canGoBack.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canGoForwardProperty() {
        return canGoForward.getReadOnlyProperty();
    }

    @Override
    public void go(Place place) {
        if (place.equals(current.get())) {
            return;
        }
        back.push(current.get());
        if (back.size() > MAX_HISTORY) {
            back.removeLast();
        }
        forward.clear();
        set(place);
    }

    public void back() {
        if (!back.isEmpty()) {
            forward.push(current.get());
            set(back.pop());
        }
    }

    public void forward() {
        if (!forward.isEmpty()) {
            back.push(current.get());
            set(forward.pop());
        }
    }

    /**
     * Where {@code earlier} was, with its history (the window opened again on an edited estate);
     * places gone from this estate are left out, the current one falling back to the world.
     */
    public void takeFrom(NavigationModel earlier, java.util.function.Predicate<Place> exists) {
        back.clear();
        forward.clear();
        earlier.back.stream().filter(exists).forEach(back::addLast);
        earlier.forward.stream().filter(exists).forEach(forward::addLast);
        Place now = earlier.current();
        set(exists.test(now) ? now : Place.WORLD);
    }

    @Override
    public void replace(Place place) {
        set(place);
    }

    private void set(Place place) {
        current.set(place);
        canGoBack.set(!back.isEmpty());
        canGoForward.set(!forward.isEmpty());
    }
}
