package io.hearken.intake.email.mailbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.verify;

import io.hearken.intake.email.EmailIntakeProperties;
import io.hearken.intake.email.MailServer;
import io.hearken.intake.email.intake.ReceivingMail;
import io.hearken.intake.email.mime.TestMails;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * An {@link Error} in the watcher thread (a bug, a stack overflow, memory running out) used to end the thread and
 * leave health UP with nothing watching. Now health says DOWN, a new watcher thread takes over, and a mail that
 * stops the watcher twice goes to quarantine instead of stopping it for ever. The mail server, Kafka and the rest of
 * the intake are real; only the fault is injected, into the real {@link ReceivingMail} bean.
 */
@SpringBootTest(properties = {"hearken.embedded.mode=test", "hearken.email.poll-interval=300ms",
        "hearken.email.imap.idle=false", "hearken.email.attachments-dir=target/test-attachments",
        "hearken.email.max-backoff=2s"})
class WatcherCrashTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Autowired
    ReceivingMail receiving;
    @Autowired
    EmailIntakeProperties properties;

    @Test
    void anErrorTurnsHealthDownAndANewWatcherReadsTheMail() throws Exception {
        String account = "crash-" + UUID.randomUUID().toString().substring(0, 8) + "@hearken.local";
        String messageId = "<" + UUID.randomUUID() + "@example.com>";
        MailServer.deliver(account, TestMails.plain("Resident <r1@example.com>", messageId, "电梯坏了", "3号楼电梯不动了"));
        AtomicInteger calls = new AtomicInteger();
        ReceivingMail failingOnce = spy(receiving);
        doAnswer(call -> {
            if (calls.getAndIncrement() == 0) {
                throw new OutOfMemoryError("simulated");
            }
            return call.callRealMethod();
        }).when(failingOnce).handle(any(MimeMessage.class), anyLong(), anyString());
        MailboxStatus status = spy(new MailboxStatus());
        MailboxWatcher watcher = watcher(account, failingOnce, status);
        try {
            await().atMost(WAIT).untilAsserted(() ->
                    assertThat(MailServer.find(account, account, messageId).folder()).isEqualTo("Processed"));

            assertThat(watcher.restarts()).isEqualTo(1);
            verify(status, atLeastOnce()).down(eq("crash"), any(), contains("watcher died: java.lang.OutOfMemoryError"));
            await().atMost(WAIT).until(() -> status.health().getStatus().equals(Status.UP));
        } finally {
            watcher.stop();
        }
    }

    @Test
    void aMailThatStopsTheWatcherTwiceIsQuarantinedAndTheRestGoesOn() throws Exception {
        String account = "poison-" + UUID.randomUUID().toString().substring(0, 8) + "@hearken.local";
        String poison = "<poison-" + UUID.randomUUID() + "@example.com>";
        String next = "<" + UUID.randomUUID() + "@example.com>";
        MailServer.deliver(account, TestMails.plain("Resident <r2@example.com>", poison, "poison", "x"));
        MailServer.deliver(account, TestMails.plain("Resident <r3@example.com>", next, "楼道灯坏了", "5号楼楼道灯坏了"));
        ReceivingMail dyingOnPoison = spy(receiving);
        doAnswer(call -> {
            MimeMessage m = call.getArgument(0);
            if (m.getSubject().contains("poison")) {
                throw new StackOverflowError("simulated");
            }
            return call.callRealMethod();
        }).when(dyingOnPoison).handle(any(MimeMessage.class), anyLong(), anyString());
        MailboxStatus status = new MailboxStatus();
        MailboxWatcher watcher = watcher(account, dyingOnPoison, status);
        try {
            await().atMost(WAIT).untilAsserted(() -> {
                MailServer.Place place = MailServer.find(account, account, poison);
                assertThat(place.folder()).isEqualTo("Quarantine");
                assertThat(place.quarantineReason()).contains("stopped the watcher twice", "StackOverflowError");
            });
            await().atMost(WAIT).untilAsserted(() ->
                    assertThat(MailServer.find(account, account, next).folder()).isEqualTo("Processed"));
            assertThat(watcher.restarts()).isEqualTo(2);
            await().atMost(WAIT).until(() -> status.health().getStatus().equals(Status.UP));
        } finally {
            watcher.stop();
        }
    }

    private MailboxWatcher watcher(String account, ReceivingMail receiving, MailboxStatus status) {
        return TestWatchers.started(properties, "crash", account, receiving, status, FolderScan.BATCH_MAILS);
    }
}
