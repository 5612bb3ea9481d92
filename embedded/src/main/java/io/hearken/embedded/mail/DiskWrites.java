package io.hearken.embedded.mail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * How the mail store touches the disk: every file is written whole to a temporary name and moved into
 * place, so a crash leaves the old file or the new one, never half of one. Files that must survive a power
 * loss (new mail, accounts) are also forced to the disk: at once, or, inside {@link #durably}, together
 * when the work is done, so the SMTP server can force a mail's files after leaving GreenMail's one global
 * delivery lock, and concurrent deliveries share the disk's flushes.
 */
final class DiskWrites {

    private static final ThreadLocal<Set<Path>> pending = new ThreadLocal<>();
    private static final ExecutorService FLUSHERS = Executors.newFixedThreadPool(8, r -> {
        Thread t = new Thread(r, "mail-disk-flush");
        t.setDaemon(true);
        return t;
    });

    private DiskWrites() {
    }

    /** Runs {@code work}; the files it writes with {@code durable} are on the disk when this returns. */
    static <T> T durably(Supplier<T> work) {
        if (pending.get() != null) {
            return work.get();
        }
        Set<Path> files = new LinkedHashSet<>();
        pending.set(files);
        T result;
        try {
            result = work.get();
        } finally {
            pending.remove();
        }
        force(files);
        return result;
    }

    static void write(Path file, byte[] content, boolean durable) {
        write(file, content, durable, null);
    }

    /** {@code modified}: the file time to give it (a mail's arrival), or {@code null}. */
    static void write(Path file, byte[] content, boolean durable, FileTime modified) {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.createDirectories(file.getParent());
            Files.write(tmp, content);
            if (modified != null) {
                Files.setLastModifiedTime(tmp, modified);
            }
            move(tmp, file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
        if (durable) {
            synced(file);
        }
    }

    /** Forces a file (and the folder entry naming it) now, or with the surrounding {@link #durably} work. */
    static void synced(Path file) {
        Set<Path> files = pending.get();
        if (files != null) {
            files.add(file);
        } else {
            force(Set.of(file));
        }
    }

    static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + file, e);
        }
    }

    /**
     * Files first, then the folders naming them, each group forced concurrently: one delivery writes several files
     * (the mail for each recipient, an account) and a disk flush takes milliseconds to tens of them, so one after
     * another they added up to most of a mail's time; issued together the file system commits them at once.
     */
    private static void force(Set<Path> files) {
        Set<Path> folders = new LinkedHashSet<>();
        for (Map.Entry<Path, Boolean> forced : forceAll(files).entrySet()) {
            if (forced.getValue()) {
                folders.add(forced.getKey().getParent());
            }
        }
        forceAll(folders); // the new names themselves (Linux; elsewhere best effort)
    }

    private static Map<Path, Boolean> forceAll(Set<Path> paths) {
        Map<Path, Boolean> done = new LinkedHashMap<>();
        if (paths.size() == 1) {
            Path only = paths.iterator().next();
            done.put(only, force(only, StandardOpenOption.READ));
            return done;
        }
        Map<Path, Future<Boolean>> running = new LinkedHashMap<>();
        paths.forEach(p -> running.put(p, FLUSHERS.submit(() -> force(p, StandardOpenOption.READ))));
        running.forEach((path, f) -> {
            try {
                done.put(path, f.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while forcing " + path + " to the disk", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            }
        });
        return done;
    }

    private static boolean force(Path path, StandardOpenOption mode) {
        try (FileChannel channel = FileChannel.open(path, mode)) {
            channel.force(true);
            return true;
        } catch (NoSuchFileException gone) {
            return false; // moved or dropped again meanwhile: nothing left to keep
        } catch (IOException e) {
            if (Files.isDirectory(path)) {
                return false; // some systems cannot open a folder to force it
            }
            throw new UncheckedIOException("Cannot force " + path + " to the disk", e);
        }
    }
}
