package io.hearken.events.privacy;

import io.hearken.events.json.EventJson;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;

/**
 * A {@link Sealing} for code outside a Spring context that reads or writes Hearken's topics (a tool, a test's own
 * consumer): one key store per broker and master key for the life of the JVM.
 */
public final class StandaloneSealing {

    private static final Map<String, Sealing> OPEN = new ConcurrentHashMap<>();

    private StandaloneSealing() {
    }

    public static Sealing of(String bootstrapServers, String masterKeyBase64) {
        return of(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), masterKeyBase64);
    }

    /** The same for a cluster that wants more than an address: {@code client} also holds its security settings. */
    public static Sealing of(Map<String, Object> client, String masterKeyBase64) {
        return OPEN.computeIfAbsent(client + "|" + masterKeyBase64, k -> {
            Map<String, Object> config = Map.copyOf(client);
            DataKeys keys = new DataKeys(MasterKey.fromBase64(masterKeyBase64), config,
                    new DefaultKafkaConsumerFactory<>(config, new StringDeserializer(), new ByteArrayDeserializer()));
            Runtime.getRuntime().addShutdownHook(new Thread(keys::close, "close-data-keys"));
            return new Sealing(() -> keys, Optional::empty, EventJson.mapper());
        });
    }
}
