package io.hearken.events.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The folders of {@link LocalStore}s: each locked by its process while open, swept once that process is gone. */
final class StoreFolders {

    static final String LOCK = "owner.lock";
    /** A folder younger than this is never swept: its process may be between creating and locking it. */
    private static final java.time.Duration SETTLING = java.time.Duration.ofMinutes(1);
    private static final Logger log = LoggerFactory.getLogger(LocalStore.class);

    private StoreFolders() {
    }

    /**
     * Deletes the folders of stores named so whose process is gone: their lock can be taken. This process's own folders
     * (the pid in their name) are never tried: on Linux, closing a second channel on a lock file would release the
     * lock this process holds through the first one (POSIX locks belong to the process), and other processes could
     * then sweep a live store.
     */
    static void sweep(Path base, String name) throws IOException {
        String ours = name + "-" + ProcessHandle.current().pid() + "-";
        try (Stream<Path> folders = Files.list(base)) {
            for (Path other : folders.filter(f -> f.getFileName().toString().startsWith(name + "-")
                    && !f.getFileName().toString().startsWith(ours)).toList()) {
                if (stale(other)) {
                    log.info("Deleting the local store {} left by a process that is gone", other);
                    try {
                        delete(other);
                    } catch (UncheckedIOException e) {
                        log.debug("Another process sweeps {} too", other, e); // best effort; the next start retries
                    }
                }
            }
        }
    }

    private static boolean stale(Path folder) {
        Path lockPath = folder.resolve(LOCK);
        try {
            if (Files.getLastModifiedTime(lockPath).toInstant().isAfter(java.time.Instant.now().minus(SETTLING))) {
                return false; // being created right now
            }
        } catch (IOException noLockFile) {
            return false; // being created right now, or not ours
        }
        try (FileChannel channel = FileChannel.open(lockPath, StandardOpenOption.WRITE)) {
            FileLock taken = channel.tryLock();
            if (taken == null) {
                return false;
            }
            taken.release();
            return true;
        } catch (OverlappingFileLockException inThisJvm) {
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    static void delete(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the local store " + folder, e);
        }
    }

    static void closeQuietly(FileChannel channel) {
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException ignored) {
            // best effort: the folder goes anyway
        }
    }
}
