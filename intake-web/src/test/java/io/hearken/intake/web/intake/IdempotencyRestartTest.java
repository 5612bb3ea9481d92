package io.hearken.intake.web.intake;

import io.hearken.readmodel.FreshTrackingIds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hearken.events.ComplaintId;
import io.hearken.events.Channel;
import io.hearken.events.store.LocalStateProperties;
import io.hearken.intake.web.WebIntakeProperties;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/**
 * The key → id record outlives the instance that wrote it: a second {@link IdempotencyKeys} (a restarted
 * or another instance) reads it back from the compacted topic, and a submission there answers the same id.
 */
@SpringBootTest(properties = {"hearken.embedded.mode=test", "hearken.web.rate-limit.capacity=1000",
        "hearken.web.attachments-dir=target/flow-attachments", "hearken.privacy.secret=flow-test-secret"})
@AutoConfigureMockMvc
class IdempotencyRestartTest {

    @Autowired
    SubmittingComplaint submitting;
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
    void aSecondInstanceKnowsTheKeysOfTheFirst() {
        ComplaintDraft draft = new ComplaintDraft("赵六", "zhao@example.com", null, "student", "7号宿舍楼", "310",
                "热水", "宿舍没有热水三天了", "facility", "zh-CN", true);
        var source = new SubmittingComplaint.Source(Channel.WEB, "api", "restart-key-1", null, Map.of());
        ComplaintId first = submitting.submit(draft, List.of(), source).id();

        IdempotencyKeys restarted = new IdempotencyKeys(kafka, publisher, properties, local);
        restarted.start();
        try {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(restarted.find("api:restart-key-1")).get()
                            .extracting(IdempotencyKeys.Entry::complaintId).isEqualTo(first.value()));
            var again = new SubmittingComplaint(publisher, restarted, freshIds, keyedIds).submit(draft, List.of(), source);
            assertThat(again.id()).isEqualTo(first);
            assertThat(again.created()).isFalse();
        } finally {
            restarted.close();
        }
    }

    /** A tombstone (an operator taking a key back) makes every instance forget the key. */
    @Test
    void aTakenBackKeyIsForgottenByEveryInstance() {
        ComplaintDraft draft = new ComplaintDraft(null, "qian@example.com", null, null, "2号楼", null, null,
                "楼道灯坏了", null, "zh-CN", null);
        var source = new SubmittingComplaint.Source(Channel.WEB, "api", "taken-back-1", null, Map.of());
        ComplaintId first = submitting.submit(draft, List.of(), source).id();

        IdempotencyKeys restarted = new IdempotencyKeys(kafka, publisher, properties, local);
        restarted.start();
        try {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(restarted.find("api:taken-back-1")).get()
                            .extracting(IdempotencyKeys.Entry::complaintId).isEqualTo(first.value()));
            publisher.publish(properties.idempotencyTopic(), "api:taken-back-1", null);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(restarted.find("api:taken-back-1")).isEmpty());
        } finally {
            restarted.close();
        }
    }
}
