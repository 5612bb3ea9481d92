package io.hearken.events.store;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code hearken.local-state.*}: where and how big a process's {@link LocalStore}s are.
 *
 * @param dir         the base folder; each store opens a fresh folder of its own in it (default
 *                    {@code <java.io.tmpdir>/hearken-local-state})
 * @param blockCache  RocksDB's block cache, shared by every store of the process (default 32 MB)
 * @param writeBuffer the memtables of every store of the process together, charged to the block cache (default 16 MB)
 */
@ConfigurationProperties("hearken.local-state")
public record LocalStateProperties(Path dir, DataSize blockCache, DataSize writeBuffer) {

    public LocalStateProperties {
        dir = dir == null ? Path.of(System.getProperty("java.io.tmpdir"), "hearken-local-state") : dir;
        blockCache = blockCache == null ? DataSize.ofMegabytes(32) : blockCache;
        writeBuffer = writeBuffer == null ? DataSize.ofMegabytes(16) : writeBuffer;
    }

    /** The defaults: for code outside a Spring context (a test, a tool). */
    public static LocalStateProperties defaults() {
        return new LocalStateProperties(null, null, null);
    }
}
