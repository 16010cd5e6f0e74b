package io.rackscope.desktop.config;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Locks shared by every app and command of a user (and between two stores of one app) around a
 * file's read-modify-write, so that no one's change is written over by another's.
 */
public final class FileLocks {
    private FileLocks() {}

    /** Work done under the lock. */
    public interface Locked<T, E extends Exception> {
        T run() throws E;
    }

    /**
     * The lock of {@code ch}; one held elsewhere in this JVM is waited for (10 s at most, then an
     * IOException), as the operating system makes other processes wait.
     */
    public static FileLock lock(FileChannel ch) throws IOException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try {
                return ch.lock();
            } catch (OverlappingFileLockException e) {
                if (System.nanoTime() > until) {
                    throw new IOException("the file stayed locked by this app", e);
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
            }
        }
    }

    /** Runs {@code work} holding the lock of the file {@code lockFile} (created when absent). */
    public static <T, E extends Exception> T with(Path lockFile, Locked<T, E> work)
            throws IOException, E {
        try (FileChannel ch =
                        FileChannel.open(
                                lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = lock(ch)) {
            return work.run();
        }
    }
}
