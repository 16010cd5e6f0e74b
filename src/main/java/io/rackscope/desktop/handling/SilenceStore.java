package io.rackscope.desktop.handling;

import java.time.Instant;
import java.util.List;

/**
 * Where acknowledgements and maintenances are kept and shared: Alertmanager's silences, or {@code
 * maintenances.yaml} with an acknowledgements file beside it.
 */
public interface SilenceStore extends AutoCloseable {
    /** Every silence held, whatever its status. */
    List<Silence> read() throws StoreException;

    /** Keeps {@code s}; returns it with the id the store gave it. */
    Silence create(Silence s) throws StoreException;

    /** Ends the silence {@code id} at {@code at}. */
    void end(String id, Instant at) throws StoreException;

    /** Replaces the silence with {@code s}'s id by {@code s} (extend, reactivate). */
    Silence update(Silence s) throws StoreException;

    /** Forgets {@code id} (Alertmanager cannot: it ends it). */
    void delete(String id) throws StoreException;

    /** "Alertmanager http://127.0.0.1:9093" or "maintenances.yaml in /etc/rackscope". */
    String describe();

    /**
     * Whether it keeps what ended (Alertmanager lists expired silences until its retention ends),
     * so that a silence in force vanishing from it means its data was lost, not that someone ended
     * it.
     */
    default boolean keepsEndedSilences() {
        return false;
    }

    /** What the operator should know of it though it answers (it cannot be written), or empty. */
    default java.util.Optional<String> limitation() {
        return java.util.Optional.empty();
    }

    @Override
    default void close() {}
}
