package io.hearken.intake.email.mailbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.spy;

import io.hearken.intake.email.EmailIntakeProperties;
import io.hearken.intake.email.MailServer;
import io.hearken.intake.email.intake.Outcome;
import io.hearken.intake.email.intake.ReceivingMail;
import io.hearken.intake.email.intake.TemporaryFailure;
import io.hearken.intake.email.mime.TestMails;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Batches overlap: the next batch is read and handed to Kafka while the one before awaits its acknowledgements. When
 * a mail of the earlier batch is not acknowledged (Kafka away for it), the later batch is already on its way: what
 * Kafka took of both leaves the inbox, the rest stays and is read again, and no mail becomes two complaints or none.
 * The mail server, Kafka and the intake are real; only the one failure is injected into the real {@link ReceivingMail}.
 */
@SpringBootTest(properties = {"hearken.embedded.mode=test", "hearken.email.poll-interval=300ms",
        "hearken.email.imap.idle=false", "hearken.email.attachments-dir=target/test-attachments"})
class PipelinedBatchesTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Autowired
    ReceivingMail receiving;
    @Autowired
    EmailIntakeProperties properties;

    @Test
    void aMailKafkaDidNotTakeInOneBatchStaysWhileTheNextBatchLeavesAndEachMailBecomesOneComplaint() throws Exception {
        String account = "batches-" + UUID.randomUUID().toString().substring(0, 8) + "@hearken.local";
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            String messageId = "<batch-" + i + "-" + UUID.randomUUID() + "@example.com>";
            ids.add(messageId);
            MailServer.deliver(account, TestMails.plain("Resident <b" + i + "@example.com>", messageId,
                    "水管漏水 " + i, i + "号楼水管漏水"));
        }
        String failing = ids.get(1); // the first batch's second mail: Kafka "away" for it, once
        AtomicBoolean failed = new AtomicBoolean();
        Map<String, List<Outcome.Kind>> outcomes = new ConcurrentHashMap<>();
        ReceivingMail flaky = spy(receiving);
        doAnswer(call -> {
            MimeMessage m = call.getArgument(0);
            String messageId = m.getMessageID();
            if (messageId.equals(failing) && failed.compareAndSet(false, true)) {
                return CompletableFuture.failedFuture(new TemporaryFailure("Kafka away (injected)", null));
            }
            @SuppressWarnings("unchecked")
            CompletableFuture<Outcome> real = (CompletableFuture<Outcome>) call.callRealMethod();
            return real.thenApply(o -> {
                outcomes.computeIfAbsent(messageId, k -> new CopyOnWriteArrayList<>()).add(o.kind());
                return o;
            });
        }).when(flaky).handle(any(MimeMessage.class), anyLong(), anyString());

        // batches of two: four of them, overlapping
        MailboxWatcher watcher = TestWatchers.started(properties, "batches", account, flaky, new MailboxStatus(), 2);
        try {
            await().atMost(WAIT).untilAsserted(() -> {
                for (String id : ids) {
                    assertThat(MailServer.find(account, account, id).folder()).as(id).isEqualTo("Processed");
                }
            });
            assertThat(failed).isTrue();
            for (String id : ids) {
                assertThat(outcomes.get(id)).as(id).containsExactly(Outcome.Kind.COMPLAINT);
            }
        } finally {
            watcher.stop();
        }
    }
}
