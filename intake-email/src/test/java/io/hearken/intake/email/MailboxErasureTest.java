package io.hearken.intake.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hearken.embedded.EmbeddedServers;
import io.hearken.events.ComplaintId;
import io.hearken.events.ComplaintReceived;
import io.hearken.events.Topics;
import io.hearken.events.privacy.PersonalData;
import io.hearken.events.privacy.ResidentErased;
import io.hearken.intake.email.mime.TestMails;
import io.micrometer.core.instrument.MeterRegistry;
import io.hearken.events.kafka.TopicRecords;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * An erasure on the real {@code privacy.erasures} topic reaches the mailbox on the real IMAP server: two residents'
 * mails become complaints and move to Processed; erasing one deletes their mails from Processed and Quarantine
 * (found by sender, or by the complaint's tracking id in the subject) and their stored attachment, and keeps the
 * other resident's mail.
 */
@SpringBootTest(properties = {"hearken.embedded.mode=test", "hearken.email.poll-interval=300ms",
        "hearken.email.imap.idle=false", "hearken.email.attachments-dir=target/test-attachments",
        "hearken.email.max-backoff=2s"})
class MailboxErasureTest {

    private static final Duration WAIT = Duration.ofSeconds(90);

    @Autowired
    PersonalData personalData;
    @Autowired
    MeterRegistry meters;

    @Test
    void erasingOneResidentDeletesTheirMailsAndAttachmentAndKeepsTheOthers() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String erased = "erase." + tag + "@example.com";
        String kept = "keep." + tag + "@example.com";
        String first = "<first-" + tag + "@example.com>";
        String withFile = "<file-" + tag + "@example.com>";
        String others = "<other-" + tag + "@example.com>";
        MailServer.deliver(TestMails.plain("Zhao Lei <" + erased + ">", first, "Water leak in 8-301",
                "Water drips from the ceiling of 8-301 since Monday."));
        MailServer.deliver(TestMails.withAttachment("Zhao Lei <" + erased + ">", withFile, "Photo of the broken gate",
                "The gate of building 8 does not close.", "gate.jpg", 2048));
        MailServer.deliver(TestMails.plain("Sun Qi <" + kept + ">", others, "Noise at night in 2-110",
                "Loud music from 2-110 every night after midnight."));
        ComplaintId leak = complaintOf(first).complaintId();
        ComplaintReceived gate = complaintOf(withFile);
        Path photo = Path.of(URI.create(gate.attachments().get(0).location()));
        complaintOf(others);
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(MailServer.find(first)).isEqualTo(new MailServer.Place("Processed", true, null));
            assertThat(MailServer.find(withFile)).isEqualTo(new MailServer.Place("Processed", true, null));
            assertThat(MailServer.find(others)).isEqualTo(new MailServer.Place("Processed", true, null));
        });
        assertThat(photo).exists();
        // Quarantined earlier: one with the address in another case, one from a stranger naming the complaint.
        String quarantinedOwn = "<q-own-" + tag + "@example.com>";
        String quarantinedNaming = "<q-naming-" + tag + "@example.com>";
        MailServer.append("Quarantine", TestMails.plain("\"Zhao\" <" + erased.toUpperCase() + ">", quarantinedOwn,
                "?", "unreadable"));
        MailServer.append("Quarantine", TestMails.plain("someone@example.org", quarantinedNaming,
                "Re: [" + leak.value() + "] water leak", "about 8-301"));
        double before = erasedCount();

        publish(new ResidentErased(UUID.randomUUID().toString(), Instant.now(), "manager", "request",
                List.of(personalData.hash(erased)), List.of(leak, gate.complaintId())));

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(MailServer.find(first)).isNull();
            assertThat(MailServer.find(withFile)).isNull();
            assertThat(MailServer.find(quarantinedOwn)).isNull();
            assertThat(MailServer.find(quarantinedNaming)).isNull();
            assertThat(photo).doesNotExist();
        });
        assertThat(MailServer.find(others)).isEqualTo(new MailServer.Place("Processed", true, null));
        assertThat(erasedCount() - before).isEqualTo(5); // four mails, one file
    }

    private double erasedCount() {
        var counter = meters.find("hearken.privacy.erased.items").tag("channel", "email").counter();
        return counter == null ? 0 : counter.count();
    }

    private static ComplaintReceived complaintOf(String messageId) {
        return await().atMost(WAIT).until(() -> TopicRecords.events(Topics.INTAKE_EMAIL).stream()
                .map(r -> r.value()).filter(e -> e instanceof ComplaintReceived r && messageId.equals(r.sourceRef()))
                .map(ComplaintReceived.class::cast).findFirst().orElse(null), c -> c != null);
    }

    private static void publish(ResidentErased erasure) throws Exception {
        String bootstrap = EmbeddedServers.current().kafka().bootstrapServers();
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new StringSerializer(), new org.apache.kafka.common.serialization.ByteArraySerializer())) {
            producer.send(io.hearken.events.privacy.ErasureFeed.record(erasure)).get();
        }
    }
}
