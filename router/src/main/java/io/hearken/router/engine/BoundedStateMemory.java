package io.hearken.router.engine;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * Bounds the native memory of every RocksDB store of the process (Kafka's "BoundedMemoryRocksDBConfig"): one LRU
 * block cache of {@code hearken.router.state-memory} shared by all stores, index and filter blocks in it, and the
 * memtables charged to it by one write buffer manager. Without it each store (three per partition plus the global
 * history) takes its own cache and memtables, and native memory grows with the partitions.
 */
public final class BoundedStateMemory implements RocksDBConfigSetter {

    /** The Streams configuration key that carries the size (bytes), from {@link RouterProperties#stateMemory()}. */
    public static final String SIZE = "hearken.router.state-memory";
    private static final long DEFAULT_SIZE = 64L << 20;
    /** Of the cache, at most this share holds memtables (writes not yet flushed). */
    private static final double MEMTABLE_SHARE = 0.25;

    /** One per size in the process: never closed, the stores of every engine in the JVM share it. */
    private static final Map<Long, Shared> SHARED = new ConcurrentHashMap<>();

    private record Shared(Cache cache, WriteBufferManager writeBuffers, long memtables) {

        static Shared of(long size) {
            // High-priority pool for index and filter blocks, so data blocks do not push them out.
            Cache cache = new LRUCache(size, -1, false, 0.1);
            long memtables = (long) (size * MEMTABLE_SHARE);
            return new Shared(cache, new WriteBufferManager(memtables, cache), memtables);
        }
    }

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        Shared shared = SHARED.computeIfAbsent(size(configs.get(SIZE)), Shared::of);
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(shared.cache());
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setTableFormatConfig(table);
        options.setWriteBufferManager(shared.writeBuffers());
        // Small memtables: the router's stores take a few records per complaint, flushed often is fine.
        options.setWriteBufferSize(Math.max(1L << 20, shared.memtables() / 4));
        options.setMaxWriteBufferNumber(2);
    }

    @Override
    public void close(String storeName, Options options) {
        // The cache and write buffer manager are shared by every store: closing them here would break the others.
    }

    /** The sizes of the shared caches made so far in this process (one per configured size). */
    static java.util.Set<Long> shared() {
        return java.util.Set.copyOf(SHARED.keySet());
    }

    static long size(Object configured) {
        if (configured instanceof Number n) {
            return n.longValue();
        }
        return configured == null ? DEFAULT_SIZE : Long.parseLong(configured.toString().strip());
    }
}
