package io.hearken.events.store;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The folders of kept {@link LocalStore}s: {@code <dir>/kept/<name>.<slot>}, the first slot whose lock this process
 * can take (two processes on one disk each get their own). A folder holds the database and, only while no process
 * has it open and only after a clean close, {@code kept.properties}: the store's {@link KeptPosition} and format.
 * The file is deleted as the store opens, so a process that dies leaves none, and its store is emptied at the next
 * open: without a write-ahead log, what a killed process wrote last may be lost.
 */
final class KeptFolders {

    private static final String MARKER = "kept.properties";
    private static final int SLOTS = 64;
    /** Folders this JVM holds: never locked twice (closing a second channel would release the first one's lock). */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    record Claimed(Path folder, FileChannel lockFile, FileLock lock) {
        void release() {
            try {
                lock.release();
            } catch (IOException | RuntimeException ignored) {
                // closing the channel releases it too
            }
            StoreFolders.closeQuietly(lockFile);
            HELD.remove(folder);
        }
    }

    private KeptFolders() {
    }

    /** Locks the first free slot of the store named so. */
    static Claimed claim(Path base, String name) throws IOException {
        for (int slot = 0; slot < SLOTS; slot++) {
            Path folder = base.resolve("kept").resolve(name + "." + slot).toAbsolutePath().normalize();
            if (!HELD.add(folder)) {
                continue;
            }
            FileChannel channel = null;
            try {
                Files.createDirectories(folder);
                channel = FileChannel.open(folder.resolve(StoreFolders.LOCK), StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE);
                FileLock lock = channel.tryLock();
                if (lock != null) {
                    return new Claimed(folder, channel, lock);
                }
            } catch (OverlappingFileLockException | IOException e) {
                // another process has this slot
            }
            StoreFolders.closeQuietly(channel);
            HELD.remove(folder);
        }
        throw new IOException("all " + SLOTS + " folders of the kept store " + name + " in " + base + " are in use");
    }

    /** What a clean close left in the folder, removed as it is read; empty when the folder holds none or a bad one. */
    static Optional<Marker> take(Path folder) {
        Path file = folder.resolve(MARKER);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            Properties p = new Properties();
            try (Reader in = Files.newBufferedReader(file)) {
                p.load(in);
            }
            Files.delete(file);
            Map<Integer, Long> offsets = new HashMap<>();
            for (String key : p.stringPropertyNames()) {
                if (key.startsWith("offset.")) {
                    offsets.put(Integer.parseInt(key.substring("offset.".length())), Long.parseLong(p.getProperty(key)));
                }
            }
            return Optional.of(new Marker(Integer.parseInt(p.getProperty("format")), new KeptPosition(
                    p.getProperty("topic"), p.getProperty("topic-id"), offsets,
                    Instant.parse(p.getProperty("built-at")), Instant.parse(p.getProperty("closed-at")))));
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // emptied anyway: the store opens without it
            }
            return Optional.empty();
        }
    }

    /** Written after the database is closed, atomically: a marker is whole or absent. */
    static void leave(Path folder, Marker marker) {
        KeptPosition kept = marker.position();
        Properties p = new Properties();
        p.setProperty("format", String.valueOf(marker.format()));
        p.setProperty("topic", kept.topic());
        p.setProperty("topic-id", kept.topicId());
        p.setProperty("built-at", kept.builtAt().toString());
        p.setProperty("closed-at", kept.closedAt().toString());
        kept.offsets().forEach((partition, offset) -> p.setProperty("offset." + partition, String.valueOf(offset)));
        Path temporary = folder.resolve(MARKER + ".new");
        try {
            try (Writer out = Files.newBufferedWriter(temporary)) {
                p.store(out, "where this store was read to when it was closed: the next start reads on from here");
            }
            Files.move(temporary, folder.resolve(MARKER), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the local store " + folder, e);
        }
    }

    /** {@code format}: the owner's version of what it stores; a store of another format is emptied. */
    record Marker(int format, KeptPosition position) {
    }
}
