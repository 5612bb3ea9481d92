package io.hearken.router.streams;

import io.hearken.events.ComplaintId;
import io.hearken.events.privacy.InMemoryKeys;
import io.hearken.events.privacy.Sealing;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.BiConsumer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/** The router's history store on a real RocksDB store, fed as the global thread feeds it ({@link HistoryLoader}). */
final class HistoryStore implements AutoCloseable {

    final StateCodec codec;
    final KeyValueStore<String, byte[]> store;
    private final HistoryLoader loader;
    /** What the processor forwards to router.history, applied as the global store's loader does. */
    final BiConsumer<String, byte[]> topic;

    HistoryStore(Path dir) {
        this(dir, InMemoryKeys.sealing());
    }

    /** Over other keys than the in-memory ones (a cost harness: keys on disk, as a deployable has them). */
    HistoryStore(Path dir, Sealing sealing) {
        codec = new StateCodec(sealing);
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "routing-history-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9");
        MockProcessorContext<Void, Void> context = new MockProcessorContext<>(config, new TaskId(0, 0), dir.toFile());
        store = Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(RouterTopology.HISTORY_STORE),
                Serdes.String(), Serdes.ByteArray()).withLoggingDisabled().build();
        store.init(context.getStateStoreContext(), store);
        loader = new HistoryLoader(codec, store);
        topic = loader::apply;
    }

    RoutingHistory history() {
        return new RoutingHistory(store, codec);
    }

    List<String> keys(String prefix) {
        List<String> keys = new ArrayList<>();
        try (var it = store.prefixScan(prefix, new StringSerializer())) {
            it.forEachRemaining(kv -> keys.add(kv.key));
        }
        return keys;
    }

    /** The n-th tracking id (base 32 in the ids' alphabet). */
    static ComplaintId id(int n) {
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < 8; i++, n /= 32) {
            digits.insert(0, ComplaintId.ALPHABET.charAt(n % 32));
        }
        return ComplaintId.of("HK-" + digits.substring(0, 4) + "-" + digits.substring(4));
    }

    @Override
    public void close() {
        store.close();
    }
}
