package io.hearken.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;

/** What the broker inside the application's JVM is told, asked of the running broker itself. */
class EmbeddedKafkaSettingsTest {

    @Test
    void theLogCleanersHeapBufferIsSixteenMegabytesNotTheDefault128() throws Exception {
        Path dir = Files.createTempDirectory("hearken-kafka-settings-");
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir, 0);
                Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            ConfigResource broker = new ConfigResource(ConfigResource.Type.BROKER, "1");
            var config = admin.describeConfigs(List.of(broker)).all().get().get(broker);
            assertThat(config.get("log.cleaner.dedupe.buffer.size").value()).isEqualTo(Long.toString(4L * 1024 * 1024));
            assertThat(config.get("log.cleaner.enable").value()).as("compacted topics are still compacted").isEqualTo("true");
        } finally {
            EmbeddedKafka.deleteQuietly(dir);
        }
    }
}
