package io.hearken.intake.email.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearken.embedded.EmbeddedKafka;
import io.hearken.embedded.EmbeddedServers;
import io.hearken.intake.email.mime.TestMails;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Found by the fault runs (topology-test, broker stopped for 60 s under load): a mail read while the broker was down
 * ended in quarantine ("unexpected error while reading: KafkaException: Send failed") instead of waiting in the inbox.
 * A send whose topic's metadata the producer no longer has blocks for max.block.ms and then throws, instead of
 * failing its future, and that was taken for a bug of the mail. Here the producer has forgotten its topics after a
 * lull (metadata.max.idle.ms) and the broker is really stopped, so the send throws as it did there.
 */
@SpringBootTest(properties = {"hearken.embedded.mode=test", "hearken.email.imap.idle=false",
        "hearken.email.attachments-dir=target/test-attachments",
        "spring.kafka.producer.properties.max.block.ms=3000",
        "spring.kafka.producer.properties.metadata.max.idle.ms=5000",
        "spring.kafka.producer.properties.metadata.max.age.ms=1000"})
class BrokerAwayTest {

    @Autowired
    ReceivingMail receiving;

    @Test
    void aMailReadWhileTheBrokerIsDownWaitsForItAndIsNeverQuarantined() throws Exception {
        String messageId = "<" + UUID.randomUUID() + "@example.com>";
        byte[] raw = TestMails.plain("Resident <away@example.com>", messageId, "垃圾没人收", "B栋后面的垃圾桶一周没倒了");
        assertThat(receiving.handle(mail(TestMails.plain("Resident <warm@example.com>", "<" + UUID.randomUUID()
                + "@example.com>", "路灯坏了", "3号楼路灯坏了")), raw.length, "INBOX").get(60, TimeUnit.SECONDS).kind())
                .isEqualTo(Outcome.Kind.COMPLAINT); // every topic known to the producer, as in a running service

        // A lull longer than metadata.max.idle.ms: the producer forgets its topics, as a quiet mailbox's does.
        Thread.sleep(8_000);
        EmbeddedKafka kafka = EmbeddedServers.current().kafka();
        kafka.stop();
        CompletableFuture<Outcome> whileDown;
        try {
            whileDown = receiving.handle(mail(raw), raw.length, "INBOX");
            assertThat(whileDown).failsWithin(60, TimeUnit.SECONDS).withThrowableOfType(ExecutionException.class)
                    .withCauseInstanceOf(TemporaryFailure.class);
        } finally {
            kafka.restart();
        }
        // The watcher leaves the mail in the inbox and offers it again: now it becomes a complaint.
        Outcome after = receiving.handle(mail(raw), raw.length, "INBOX").get(60, TimeUnit.SECONDS);
        assertThat(after.kind()).isEqualTo(Outcome.Kind.COMPLAINT);
    }

    private static MimeMessage mail(byte[] raw) throws Exception {
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
    }
}
