package io.hearken.events.store;

import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.RocksDB;
import org.rocksdb.WriteBufferManager;

/**
 * The process's one RocksDB memory budget: an LRU block cache of {@code hearken.local-state.block-cache} (index and
 * filter blocks in it) with the memtables of every store charged to it by one write buffer manager (at most
 * {@code hearken.local-state.write-buffer}). Every {@link LocalStore} of the process uses it, so their native memory
 * stays within the cache's size however many stores are open (five in the all-in-one). Made by the first store
 * opened and never closed: another RocksDB user in the process (a Kafka Streams {@code RocksDBConfigSetter}) can
 * share it through {@link #of} instead of keeping a budget of its own.
 */
public final class RocksMemory {

    private static RocksMemory process;

    private final Cache cache;
    private final WriteBufferManager writeBuffers;
    private final long capacity;

    private RocksMemory(long capacity, long writeBuffer) {
        this.capacity = capacity;
        // High-priority pool for index and filter blocks, so data blocks do not push them out.
        this.cache = new LRUCache(capacity, -1, false, 0.1);
        this.writeBuffers = new WriteBufferManager(Math.min(writeBuffer, capacity), cache);
    }

    /** The process's budget; the first call sizes it, later calls get the same one whatever they ask. */
    public static synchronized RocksMemory of(LocalStateProperties properties) {
        if (process == null) {
            RocksDB.loadLibrary();
            process = new RocksMemory(properties.blockCache().toBytes(), properties.writeBuffer().toBytes());
        }
        return process;
    }

    public Cache cache() {
        return cache;
    }

    public WriteBufferManager writeBuffers() {
        return writeBuffers;
    }

    /** The budget in bytes: blocks read and memtables together. */
    public long capacity() {
        return capacity;
    }

    /** Bytes held now: cached blocks and the memtables' reservations. */
    public long usage() {
        return cache.getUsage();
    }
}
