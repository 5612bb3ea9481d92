package io.hearken.intake.web.intake;

import io.hearken.readmodel.FreshTrackingIds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hearken.events.Channel;
import io.hearken.events.ComplaintEvent;
import io.hearken.events.ComplaintId;
import io.hearken.intake.web.IntakeTopicReader;
import io.hearken.events.store.LocalStateProperties;
import io.hearken.intake.web.WebIntakeProperties;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/**
 * The window issue 14 found with a SIGKILL: the complaint reached Kafka, its idempotency record did not, and the
 * client — never answered — retries with the same key on another (or the restarted) instance. The retry must name
 * the complaint that is already in Kafka, with the same event id, so downstream sees one complaint.
 */
@SpringBootTest(properties = {"hearken.embedded.mode=test", "hearken.web.rate-limit.capacity=1000",
        "hearken.web.attachments-dir=target/flow-attachments", "hearken.privacy.secret=flow-test-secret"})
@AutoConfigureMockMvc
class IdempotencyCrashTest {

    @Autowired
    KafkaProperties kafka;
    @Autowired
    LocalStateProperties local;
    @Autowired
    WebPublisher publisher;
    @Autowired
    WebIntakeProperties properties;
    @Autowired
    FreshTrackingIds freshIds;
    @Autowired
    KeyedIds keyedIds;

    @Test
    void aRetryAfterACrashBetweenTheComplaintAndItsKeyRecordNamesTheSameComplaint() {
        ComplaintDraft draft = new ComplaintDraft("孙七", "sun@example.com", null, "tenant", "5号楼", "1201",
                "漏水", "卫生间天花板漏水", "facility", "zh-CN", true);
        var source = new SubmittingComplaint.Source(Channel.WEB, "api", "crash-window-" + System.nanoTime(), null, Map.of());

        // The first instance publishes the complaint and dies before its key record is written.
        AtomicReference<ComplaintEvent> inKafka = new AtomicReference<>();
        IdempotencyKeys dying = new IdempotencyKeys(kafka, publisher, properties, local) {
            @Override
            public boolean publishWithKey(ComplaintEvent event, String key, Entry entry) {
                publisher.publish(event);
                inKafka.set(event);
                throw new IntakeUnavailable("killed after Kafka acknowledged the complaint", null);
            }
        };
        dying.start();
        try {
            assertThatThrownBy(() -> new SubmittingComplaint(publisher, dying, freshIds, keyedIds).submit(draft, List.of(), source))
                    .isInstanceOf(IntakeUnavailable.class);
        } finally {
            dying.close();
        }

        // The client retries on a fresh instance, which has no record of the key.
        IdempotencyKeys fresh = new IdempotencyKeys(kafka, publisher, properties, local);
        fresh.start();
        try {
            var retried = new SubmittingComplaint(publisher, fresh, freshIds, keyedIds).submit(draft, List.of(), source);

            ComplaintId first = inKafka.get().complaintId();
            assertThat(retried.id()).isEqualTo(first);
            List<ComplaintEvent> published = IntakeTopicReader.eventsFor(kafka.getBootstrapServers().get(0), first.value());
            assertThat(published).hasSize(2) // the same complaint twice: the router routes an id once
                    .extracting(ComplaintEvent::eventId).containsOnly(inKafka.get().eventId());
        } finally {
            fresh.close();
        }
    }

    @Test
    void theDerivedIdDependsOnTheKeyAndTheSecret() {
        assertThat(keyedIds.forKey("api:a")).isEqualTo(keyedIds.forKey("api:a"))
                .isNotEqualTo(keyedIds.forKey("api:b")).isNotEqualTo(new KeyedIds(io.hearken.events.privacy.PrivacyProperties.ofSecret("another-secret")).forKey("api:a"));
        assertThat(ComplaintId.isValid(keyedIds.forKey("form:x").value())).isTrue();
    }
}
