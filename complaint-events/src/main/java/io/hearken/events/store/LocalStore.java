package io.hearken.events.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.BiConsumer;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.CompressionType;
import org.rocksdb.InfoLogLevel;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteOptions;

/**
 * A process's own key-value store on local disk (RocksDB), for state it rebuilds from a topic at every start: so
 * it opens EMPTY, in a fresh folder of its own under {@link LocalStateProperties#dir()}, and deletes that folder
 * when closed; nothing is ever recovered (no write-ahead log). Several processes may share the base folder: each
 * holds a lock on its folder while open, and opening sweeps the folders of dead processes (their lock can be taken).
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

    private LocalStore(Path folder, FileChannel lockFile, FileLock lock, Options options, RocksDB db) {
        this.folder = folder;
        this.lockFile = lockFile;
        this.lock = lock;
        this.options = options;
        this.writes = new WriteOptions().setDisableWAL(true); // rebuilt at every start: nothing to recover
        this.db = db;
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
            return new LocalStore(folder, lockFile, lock, options, RocksDB.open(options, folder.resolve("db").toString()));
        } catch (IOException | RocksDBException e) {
            StoreFolders.closeQuietly(lockFile);
            StoreFolders.delete(folder);
            throw new IllegalStateException("Cannot open a local store in " + folder + " (hearken.local-state.dir)", e);
        }
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

    /** The folder this store lives in (deleted on close). */
    public Path folder() {
        return folder;
    }

    /** Closes the store and deletes its folder. */
    @Override
    public synchronized void close() {
        open.writeLock().lock();
        try {
            if (!db.isOwningHandle()) {
                return;
            }
            db.close();
        } finally {
            open.writeLock().unlock();
        }
        writes.close();
        options.close();
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
