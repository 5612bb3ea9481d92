package io.hearken.events.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

class TopicCatalogueTest {

    private final TopicCatalogue production = new TopicCatalogue(
            new KafkaTopicProperties(6, (short) 3, (short) 2, Duration.ofDays(400)));

    @Test
    void eventLogsExpireAfterTheEventRetentionAndStateNeverExpires() {
        NewTopic events = production.topic("complaints.routed", TopicKind.EVENTS);
        assertThat(events.numPartitions()).isEqualTo(6);
        assertThat(events.replicationFactor()).isEqualTo((short) 3);
        assertThat(events.configs()).containsEntry("cleanup.policy", "delete")
                .containsEntry("retention.ms", String.valueOf(Duration.ofDays(400).toMillis()))
                .containsEntry("min.insync.replicas", "2");

        NewTopic state = production.topic("complaints.state", TopicKind.STATE);
        assertThat(state.configs()).containsEntry("cleanup.policy", "compact").containsEntry("retention.ms", "-1")
                .containsEntry("min.insync.replicas", "2");

        assertThat(production.topic("complaints.updates-dlt", TopicKind.DEAD_LETTERS).configs())
                .containsEntry("cleanup.policy", "delete");
        assertThat(production.window("router.history", Duration.ofDays(35)).configs())
                .containsEntry("cleanup.policy", "compact,delete")
                .containsEntry("retention.ms", String.valueOf(Duration.ofDays(35).toMillis()));
        assertThat(production.topic("dept.x.assignments", TopicKind.EVENTS, 2).numPartitions()).isEqualTo(2);
    }

    @Test
    void aNegativeEventRetentionKeepsEventsForeverAndBadSettingsAreRefused() {
        TopicCatalogue forever = new TopicCatalogue(new KafkaTopicProperties(3, (short) 1, (short) 1, Duration.ofMillis(-1)));
        assertThat(forever.topic("intake.web", TopicKind.EVENTS).configs()).containsEntry("retention.ms", "-1");
        assertThat(KafkaTopicProperties.defaults().eventRetention()).isEqualTo(Duration.ofDays(365));
        assertThatThrownBy(() -> new KafkaTopicProperties(3, (short) 1, (short) 2, Duration.ofDays(1)))
                .hasMessageContaining("min-insync-replicas");
        assertThatThrownBy(() -> new KafkaTopicProperties(0, (short) 1, (short) 1, Duration.ofDays(1)))
                .hasMessageContaining("partitions");
        assertThatThrownBy(() -> new KafkaTopicProperties(3, (short) 1, (short) 1, Duration.ZERO))
                .hasMessageContaining("event-retention");
    }
}
