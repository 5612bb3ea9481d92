package io.hearken.analytics.indexing;

import io.hearken.analytics.AnalyticsIntegrationTest;
import io.hearken.analytics.Fixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hearken.events.ComplaintEvent;
import io.hearken.events.ComplaintId;
import io.hearken.events.ComplaintReceived;
import io.hearken.events.Topics;
import io.hearken.events.kafka.EventWireFormatAutoConfiguration;
import io.hearken.events.kafka.TopicRecords;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/**
 * An event the indexer can never fold (here: no {@code at}) used to fail its whole batch for ever. Now it goes to
 * the indexer's dead-letter topic with the reason, and the events around it are indexed.
 */
class PoisonEventTest extends AnalyticsIntegrationTest {

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;

    @Test
    void anEventWithoutATimeIsDeadLetteredAndTheRestIsIndexed() throws Exception {
        ComplaintId before = Fixtures.newId();
        ComplaintId poison = Fixtures.newId();
        ComplaintId after = Fixtures.newId();
        ComplaintReceived bad = Fixtures.received(poison, null, "1号楼", "没有时间的事件");
        publish(Topics.INTAKE_WEB, Fixtures.received(before, Instant.now(), "1号楼", "前一个"), bad,
                Fixtures.received(after, Instant.now(), "1号楼", "后一个"));

        awaitComplaint(before, doc -> true);
        awaitComplaint(after, doc -> true);
        assertThat(complaint(poison)).isEmpty();
        ConsumerRecord<String, ComplaintEvent> dead = await().atMost(Duration.ofSeconds(60))
                .until(() -> deadLetters().stream().filter(r -> poison.value().equals(r.key())).findFirst().orElse(null),
                        java.util.Objects::nonNull);
        assertThat(dead.value().eventId()).isEqualTo(bad.eventId());
        assertThat(new String(dead.headers().lastHeader(IndexingListener.REASON_HEADER).value(), StandardCharsets.UTF_8))
                .contains("no at");
        assertThat(new String(dead.headers().lastHeader("kafka_dlt-original-topic").value(), StandardCharsets.UTF_8))
                .isEqualTo(Topics.INTAKE_WEB);
    }

    private List<ConsumerRecord<String, ComplaintEvent>> deadLetters() {
        return TopicRecords.readUncommitted(bootstrap, IndexingListener.DEAD_LETTERS,
                EventWireFormatAutoConfiguration.deserializer(TopicRecords.sealing(bootstrap)));
    }
}
