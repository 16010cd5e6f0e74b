package io.rackscope.desktop.edit;

/**
 * The edits of one kind of item of the library (checks, metrics, templates of a kind), each as it
 * is written in its files.
 */
public interface ItemEdits {
    /** The item's mapping as written, out of its list (see {@link ItemText}). */
    String text(String id);

    /** The item written as {@code mappingText}; a new id in it reaches every reference. */
    void set(String id, String mappingText);

    void rename(String id, String to);

    /** Refused, naming them, while anything uses it. */
    void delete(String id);

    /**
     * A new item written as {@code mappingText} after {@code near} (null: where the kind puts one).
     */
    void add(String mappingText, String near);
}
