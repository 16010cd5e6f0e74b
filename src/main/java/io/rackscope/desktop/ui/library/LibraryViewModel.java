package io.rackscope.desktop.ui.library;

import io.rackscope.desktop.ui.Navigator;
import io.rackscope.desktop.ui.Place;

/** The library's tab chosen, kept in the place ({@code library:TAB[:ID]}). */
public final class LibraryViewModel {
    private final Navigator navigation;

    public LibraryViewModel(Navigator navigation) {
        this.navigation = navigation;
    }

    /** The tab chosen ({@code devices}, {@code racks}, {@code components}, {@code checks}…). */
    public void showTab(String key) {
        String now = navigation.current().id();
        if (!now.equals(key) && !now.startsWith(key + ":")) {
            navigation.replace(Place.of(Place.Kind.LIBRARY, key));
        }
    }
}
