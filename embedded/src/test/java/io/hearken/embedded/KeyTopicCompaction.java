package io.hearken.embedded;

import ch.qos.logback.classic.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Not part of the suite (the name does not end in Test): what the log cleaner costs on a key topic configured as
 * {@code privacy.keys} is (compacted, 60 s segments and lag, dirty ratio 0.01: docs/privacy.md) once it holds
 * {@code -Dkeys=N} key-sized records (~375 B, default 100,000), while new keys arrive at 50/s for four minutes. Prints
 * the cleaner's own log of each pass (MB cleaned, seconds, MB/s); asserts nothing. docs/BENCHMARKS.md, tenth session.
 * {@code ./mvnw -B -ntp -q -pl embedded -am test -Dtest=KeyTopicCompaction -Dsurefire.failIfNoSpecifiedTests=false}
 */
class KeyTopicCompaction {

    private static final String TOPIC = "privacy.keys";

    @Test
    void cleanerPasses() throws Exception {
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(
                "org.apache.kafka.storage.internals.log.LogCleaner$CleanerThread")).setLevel(Level.INFO);
        int keys = Integer.getInteger("keys", 100_000);
        Path dir = Files.createTempDirectory("key-topic-compaction");
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir, 0)) {
            Map<String, Object> config = new HashMap<>(kafka.clientProperties());
            try (Admin admin = Admin.create(config)) {
                admin.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 1).configs(Map.of(
                        "cleanup.policy", "compact", "max.compaction.lag.ms", "60000", "segment.ms", "60000",
                        "min.cleanable.dirty.ratio", "0.01", "delete.retention.ms", "60000")))).all().get();
            }
            config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
            config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
            config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
            Random random = new Random(16);
            String keyset = "x".repeat(330); // as long as a wrapped keyset with its owner's contact hashes
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
                int i = 0;
                for (; i < keys; i++) {
                    producer.send(new ProducerRecord<>(TOPIC, "HK-" + i + "/" + random.nextInt(), keyset + i));
                }
                producer.flush();
                System.out.printf("%,d keys written; new keys at 50/s for 4 minutes, the cleaner's passes below%n", keys);
                for (long end = System.currentTimeMillis() + 240_000; System.currentTimeMillis() < end; i++) {
                    producer.send(new ProducerRecord<>(TOPIC, "HK-" + i + "/" + random.nextInt(), keyset + i));
                    Thread.sleep(20);
                }
            }
        }
    }
}
