package io.hearken.router.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Options;

/** Kafka Streams' RocksDB stores take their memory settings from {@link BoundedStateMemory}, with the size configured. */
class BoundedStateMemoryTest {

    @Test
    void everyStoreOfTheProcessSharesOneCacheOfTheConfiguredSize(@TempDir Path dir) {
        long size = 7L << 20; // a size no other test uses
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "bounded-state-memory-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9");
        config.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedStateMemory.class);
        config.put(BoundedStateMemory.SIZE, size);
        MockProcessorContext<Void, Void> context = new MockProcessorContext<>(config, new TaskId(0, 0), dir.toFile());
        assertThat(BoundedStateMemory.shared()).doesNotContain(size);

        for (String name : new String[] {"one", "two"}) {
            KeyValueStore<String, String> store = Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name),
                    Serdes.String(), Serdes.String()).withLoggingDisabled().build();
            store.init(context.getStateStoreContext(), store);
            store.put("k", "v");
            assertThat(store.get("k")).isEqualTo("v");
            store.close();
        }

        assertThat(BoundedStateMemory.shared()).contains(size);
    }

    @Test
    void indexAndFilterBlocksGoInTheCacheAndMemtablesAreSmall() {
        try (Options options = new Options()) {
            options.setTableFormatConfig(new BlockBasedTableConfig());
            new BoundedStateMemory().setConfig("router-complaints", options,
                    java.util.Map.of(BoundedStateMemory.SIZE, 64L << 20));
            BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
            assertThat(table.cacheIndexAndFilterBlocks()).isTrue();
            assertThat(table.pinTopLevelIndexAndFilter()).isTrue();
            assertThat(options.writeBufferSize()).isEqualTo(4L << 20); // a quarter of the cache for memtables, / 4
            assertThat(options.maxWriteBufferNumber()).isEqualTo(2);
        }
    }
}
