package io.rackscope.desktop.ui.library;

import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.edit.EstateEdits;
import io.rackscope.desktop.edit.LibraryEdits;
import io.rackscope.desktop.edit.TemplateEdits;

/** The edits an editor of the library makes on its kind of item, through the editing core. */
interface Items {
    String text(EstateEdits e, String id);

    void set(EstateEdits e, String id, String text);

    void rename(EstateEdits e, String id, String to);

    void delete(EstateEdits e, String id);

    /** A new item written as {@code text} after {@code near} (null: where the kind puts one). */
    void add(EstateEdits e, String text, String near);

    /** Whether {@code config} has item {@code id} (a refused edit leaves it without). */
    boolean exists(RackscopeConfig config, String id);

    static Items of(LibraryEdits.Library library) {
        return new Items() {
            private LibraryEdits items(EstateEdits e) {
                return library == LibraryEdits.Library.CHECK ? e.checks() : e.metrics();
            }

            @Override
            public String text(EstateEdits e, String id) {
                return items(e).text(id);
            }

            @Override
            public void set(EstateEdits e, String id, String text) {
                items(e).set(id, text);
            }

            @Override
            public void rename(EstateEdits e, String id, String to) {
                items(e).rename(id, to);
            }

            @Override
            public void delete(EstateEdits e, String id) {
                items(e).delete(id);
            }

            @Override
            public void add(EstateEdits e, String text, String near) {
                items(e).add(text, near);
            }

            @Override
            public boolean exists(RackscopeConfig config, String id) {
                return library == LibraryEdits.Library.CHECK
                        ? config.checks().containsKey(id)
                        : config.metrics().containsKey(id);
            }
        };
    }

    static Items of(TemplateEdits.Kind kind) {
        return new Items() {
            @Override
            public String text(EstateEdits e, String id) {
                return e.templates().text(kind, id);
            }

            @Override
            public void set(EstateEdits e, String id, String text) {
                e.templates().set(kind, id, text);
            }

            @Override
            public void rename(EstateEdits e, String id, String to) {
                e.templates().rename(kind, id, to);
            }

            @Override
            public void delete(EstateEdits e, String id) {
                e.templates().delete(kind, id);
            }

            @Override
            public void add(EstateEdits e, String text, String near) {
                throw new io.rackscope.desktop.edit.EditRefused(
                        "a new template is made where it is used (a free U of a rack: New device"
                                + " template…)");
            }

            @Override
            public boolean exists(RackscopeConfig config, String id) {
                return switch (kind) {
                    case DEVICE -> config.templates().device(id).isPresent();
                    case RACK -> config.templates().rack(id).isPresent();
                    case COMPONENT -> config.templates().component(id).isPresent();
                };
            }
        };
    }
}
