package io.hearken.events.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.BiConsumer;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.CompressionType;
import org.rocksdb.FlushOptions;
import org.rocksdb.InfoLogLevel;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteOptions;
import org.slf4j.LoggerFactory;

/**
 * A process's own key-value store on local disk (RocksDB), for state it builds from a topic. {@link #open} opens one
 * EMPTY, in a fresh folder of its own under {@link LocalStateProperties#dir()}, and deletes that folder when closed;
 * nothing is ever recovered (no write-ahead log). Several processes may share the base folder: each holds a lock on
 * its folder while open, and opening sweeps the folders of dead processes (their lock can be taken).
 * {@link #openKept} opens one that is KEPT across clean stops ({@link KeptFolders}): closed with the position its
 * topic was read to ({@link #keepAt}), it opens again with that position ({@link #kept()}) and its data, so a restart
 * reads only the topic's tail; after a kill, or closed without a position, it opens empty.
 * Native memory is bounded: every store of the process shares one budget, {@link RocksMemory} (a block cache that the
 * memtables are charged to as well).
 * <p>It stores bytes as given: a value that holds personal data must be sealed by the caller
 * ({@code io.hearken.events.kafka.SealedJson}), so destroying the resident's key also shreds what lies on disk.
 */
public final class LocalStore implements AutoCloseable {

    private final Path folder;
    private final FileChannel lockFile;
    private final FileLock lock;
    private final Options options;
    private final WriteOptions writes;
    private final RocksDB db;
    /** Held to read or write, taken exclusively to close: RocksDB used after close crashes the JVM. */
    private final ReadWriteLock open = new ReentrantReadWriteLock();
    /** A kept store's format (the owner's version of its values); -1 for a store deleted on close. */
    private final int format;
    /** What the last clean close left, until the store is emptied; null when it opened empty. */
    private volatile KeptPosition kept;
    private volatile Instant builtAt = Instant.now();
    private volatile KeptPosition keepAt;

    private LocalStore(Path folder, FileChannel lockFile, FileLock lock, Options options, RocksDB db, int format) {
        this.folder = folder;
        this.lockFile = lockFile;
        this.lock = lock;
        this.options = options;
        this.writes = new WriteOptions().setDisableWAL(true); // rebuilt after a kill: nothing to recover
        this.db = db;
        this.format = format;
    }

    /** Opens an empty store named {@code name} (a folder name prefix) in a fresh folder under the base folder. */
    public static LocalStore open(LocalStateProperties properties, String name) {
        RocksDB.loadLibrary();
        Path base = properties.dir();
        Path folder = base.resolve(name + "-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8));
        FileChannel lockFile = null;
        try {
            Files.createDirectories(folder);
            lockFile = FileChannel.open(folder.resolve(StoreFolders.LOCK), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock lock = lockFile.lock();
            StoreFolders.sweep(base, name);
            Options options = options(properties);
            return new LocalStore(folder, lockFile, lock, options, RocksDB.open(options, folder.resolve("db").toString()),
                    -1);
        } catch (IOException | RocksDBException e) {
            StoreFolders.closeQuietly(lockFile);
            StoreFolders.delete(folder);
            throw new IllegalStateException("Cannot open a local store in " + folder + " (hearken.local-state.dir)", e);
        }
    }

    /**
     * Opens the store named {@code name}, kept across clean stops: with the data and {@link #kept() position} of its
     * last clean close if that was of this {@code format} (the owner's version of what it stores), empty otherwise.
     */
    public static LocalStore openKept(LocalStateProperties properties, String name, int format) {
        RocksDB.loadLibrary();
        KeptFolders.Claimed claimed = null;
        try {
            claimed = KeptFolders.claim(properties.dir(), name);
            Path folder = claimed.folder();
            var marker = KeptFolders.take(folder).filter(m -> m.format() == format);
            if (marker.isEmpty()) {
                StoreFolders.delete(folder.resolve("db")); // killed, or another format: nothing in it can be trusted
            }
            Options options = options(properties);
            RocksDB db;
            try {
                db = RocksDB.open(options, folder.resolve("db").toString());
            } catch (RocksDBException unreadable) {
                if (marker.isEmpty()) {
                    throw unreadable;
                }
                LoggerFactory.getLogger(LocalStore.class).warn("The kept store {} cannot be opened ({}): it is emptied "
                        + "and rebuilt from its topic", folder, unreadable.toString());
                marker = Optional.empty();
                StoreFolders.delete(folder.resolve("db"));
                db = RocksDB.open(options, folder.resolve("db").toString());
            }
            LocalStore store = new LocalStore(folder, claimed.lockFile(), claimed.lock(), options, db, format);
            marker.ifPresent(m -> {
                store.kept = m.position();
                store.builtAt = m.position().builtAt();
            });
            return store;
        } catch (IOException | RocksDBException | java.io.UncheckedIOException e) {
            if (claimed != null) {
                claimed.release();
            }
            throw new IllegalStateException("Cannot open the local store " + name + " in " + properties.dir()
                    + " (hearken.local-state.dir)", e);
        }
    }

    /** Where its topic had been read to when this store was last closed cleanly; empty when it opened empty. */
    public Optional<KeptPosition> kept() {
        return Optional.ofNullable(kept);
    }

    /**
     * The position to keep the store at when it closes: everything its topic holds before these offsets is in it.
     * Only a kept store; one closed without a position opens empty next time.
     */
    public void keepAt(String topic, String topicId, Map<Integer, Long> offsets) {
        if (format < 0) {
            throw new IllegalStateException("a store opened with open() is deleted when closed: " + folder);
        }
        keepAt = new KeptPosition(java.util.Objects.requireNonNull(topic), java.util.Objects.requireNonNull(topicId),
                offsets, builtAt, Instant.EPOCH);
    }

    /** Deletes everything: the store is built again from its topic's beginning. */
    public void clear() {
        deletePrefix("");
        kept = null;
        keepAt = null;
        builtAt = Instant.now();
    }

    public byte[] get(String key) {
        return guarded("read", key, () -> db.get(bytes(key)));
    }

    public void put(String key, byte[] value) {
        guarded("write", key, () -> {
            db.put(writes, bytes(key), value);
            return null;
        });
    }

    public void delete(String key) {
        guarded("delete", key, () -> {
            db.delete(writes, bytes(key));
            return null;
        });
    }

    /** Each key that starts with {@code prefix}, with its value, in key order (byte-wise). */
    public void forEach(String prefix, BiConsumer<String, byte[]> each) {
        byte[] start = bytes(prefix);
        guarded("read", prefix + "*", () -> {
            try (RocksIterator it = db.newIterator()) {
                for (it.seek(start); it.isValid() && startsWith(it.key(), start); it.next()) {
                    each.accept(new String(it.key(), StandardCharsets.UTF_8), it.value());
                }
            }
            return null;
        });
    }

    /** Deletes every key that starts with {@code prefix}. */
    public void deletePrefix(String prefix) {
        byte[] start = bytes(prefix);
        byte[] end = Arrays.copyOf(start, start.length + 1);
        end[start.length] = (byte) 0xFF; // never in UTF-8: after every key with this prefix
        guarded("delete", prefix + "*", () -> {
            db.deleteRange(writes, start, end);
            return null;
        });
    }

    /** The folder this store lives in (deleted on close, unless kept). */
    public Path folder() {
        return folder;
    }

    /** Closes the store: deletes its folder, or, kept, leaves its data with the position given to {@link #keepAt}. */
    @Override
    public synchronized void close() {
        KeptPosition leave = keepAt;
        open.writeLock().lock();
        try {
            if (!db.isOwningHandle()) {
                return;
            }
            if (leave != null) {
                try (FlushOptions flush = new FlushOptions().setWaitForFlush(true)) {
                    db.flush(flush); // no write-ahead log: on disk only what was flushed
                } catch (RocksDBException e) {
                    leave = null; // opened empty next time
                }
            }
            db.close();
        } finally {
            open.writeLock().unlock();
        }
        writes.close();
        options.close();
        if (format >= 0) {
            try {
                if (leave != null) {
                    KeptFolders.leave(folder, new KeptFolders.Marker(format, new KeptPosition(leave.topic(),
                            leave.topicId(), leave.offsets(), leave.builtAt(), Instant.now())));
                } else {
                    StoreFolders.delete(folder.resolve("db")); // opened empty next time anyway: no space held
                }
            } finally {
                new KeptFolders.Claimed(folder, lockFile, lock).release();
            }
            return;
        }
        try {
            lock.release();
        } catch (IOException | RuntimeException ignored) {
            // closing the channel releases it too
        }
        StoreFolders.closeQuietly(lockFile);
        StoreFolders.delete(folder);
    }

    private interface StoreCall<T> {
        T run() throws RocksDBException;
    }

    /** Runs a read or write under the read lock; a closed store throws rather than crash the JVM. */
    private <T> T guarded(String act, String key, StoreCall<T> call) {
        open.readLock().lock();
        try {
            if (!db.isOwningHandle()) {
                throw new IllegalStateException("Local store " + folder + " is closed: cannot " + act + " " + key);
            }
            return call.run();
        } catch (RocksDBException e) {
            throw new IllegalStateException("Local store " + folder + ": cannot " + act + " " + key, e);
        } finally {
            open.readLock().unlock();
        }
    }

    private static Options options(LocalStateProperties properties) {
        RocksMemory memory = RocksMemory.of(properties);
        BlockBasedTableConfig table = new BlockBasedTableConfig()
                .setBlockCache(memory.cache())
                .setCacheIndexAndFilterBlocks(true)
                .setPinL0FilterAndIndexBlocksInCache(true)
                .setFilterPolicy(new BloomFilter(10));
        return new Options()
                .setCreateIfMissing(true)
                .setWriteBufferManager(memory.writeBuffers())
                .setTableFormatConfig(table)
                .setCompressionType(CompressionType.LZ4_COMPRESSION)
                .setMaxBackgroundJobs(2)
                .setInfoLogLevel(InfoLogLevel.WARN_LEVEL)
                .setKeepLogFileNum(1);
    }

    private static boolean startsWith(byte[] key, byte[] prefix) {
        return key.length >= prefix.length && Arrays.equals(key, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static byte[] bytes(String key) {
        return key.getBytes(StandardCharsets.UTF_8);
    }
}
