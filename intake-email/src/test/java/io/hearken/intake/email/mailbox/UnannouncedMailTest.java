package io.hearken.intake.email.mailbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.store.FolderListener;
import com.icegreen.greenmail.store.MailFolder;
import io.hearken.embedded.EmbeddedServers;
import io.hearken.intake.email.EmailIntakeProperties;
import io.hearken.intake.email.MailServer;
import io.hearken.intake.email.intake.ReceivingMail;
import io.hearken.intake.email.mime.TestMails;
import jakarta.mail.Flags;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.lang.reflect.Field;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Found by the fault runs (topology-test): under load, the last mail of a burst stayed in the inbox for good. GreenMail
 * (the all-in-one's mail server) can lose the EXISTS of a mail that arrives while it answers another command
 * ({@code ImapSessionImpl.unsolicitedResponses} reads the count, then clears its "size changed" flag), and an open
 * folder lists only announced mails; the watcher rescanned the same stale list until the next mail or a restart.
 * Here that loss is made certain: the mail is stored while the server's sessions are not listening.
 */
@SpringBootTest(properties = {"hearken.embedded.mode=test", "hearken.email.poll-interval=300ms",
        "hearken.email.imap.idle=false", "hearken.email.attachments-dir=target/test-attachments"})
class UnannouncedMailTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Autowired
    ReceivingMail receiving;
    @Autowired
    EmailIntakeProperties properties;

    @Test
    void aMailTheServerNeverAnnouncedIsFoundAtTheNextScan() throws Exception {
        String account = "unannounced-" + UUID.randomUUID().toString().substring(0, 8) + "@hearken.local";
        String first = "<" + UUID.randomUUID() + "@example.com>";
        String unannounced = "<" + UUID.randomUUID() + "@example.com>";
        MailServer.deliver(account, TestMails.plain("Resident <u1@example.com>", first, "电梯坏了", "3号楼电梯不动了"));
        MailboxWatcher watcher = watcher(account);
        try {
            await().atMost(WAIT).untilAsserted(() ->
                    assertThat(MailServer.find(account, account, first).folder()).isEqualTo("Processed"));

            storeUnannounced(account, TestMails.plain("Resident <u2@example.com>", unannounced, "楼道灯坏了", "5号楼楼道灯坏了"));
            assertThat(MailServer.find(account, account, unannounced).folder()).isEqualTo("INBOX");

            await().atMost(WAIT).untilAsserted(() ->
                    assertThat(MailServer.find(account, account, unannounced).folder()).isEqualTo("Processed"));
        } finally {
            watcher.stop();
        }
    }

    /** Stores the mail in the account's INBOX with every IMAP session's listener detached: no session hears of it. */
    @SuppressWarnings("unchecked")
    private static void storeUnannounced(String account, byte[] raw) throws Exception {
        var greenMail = EmbeddedServers.current().mail().greenMail();
        MailFolder inbox = greenMail.getManagers().getImapHostManager().getInbox(greenMail.getUserManager().getUserByEmail(account));
        Object memory = inbox;
        // The durable folder keeps GreenMail's own one inside (a field of it or of a class it extends).
        for (Class<?> type = inbox.getClass(); type != Object.class; type = type.getSuperclass()) {
            for (Field f : type.getDeclaredFields()) {
                if (MailFolder.class.isAssignableFrom(f.getType())) {
                    f.setAccessible(true);
                    memory = f.get(inbox);
                }
            }
        }
        Field field = memory.getClass().getDeclaredField("_mailboxListeners");
        field.setAccessible(true);
        List<FolderListener> listeners = (List<FolderListener>) field.get(memory);
        synchronized (listeners) {
            List<FolderListener> detached = new ArrayList<>(listeners);
            listeners.clear();
            try {
                inbox.appendMessage(new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw)),
                        new Flags(), new Date());
            } finally {
                listeners.addAll(detached);
            }
        }
    }

    private MailboxWatcher watcher(String account) {
        int port = EmbeddedServers.current().mail().imapPort();
        var mailbox = new EmailIntakeProperties.Mailbox("unannounced", new EmailIntakeProperties.Imap("127.0.0.1", port,
                account, account, false, false, Duration.ofSeconds(30), false), "INBOX");
        MailboxWatcher watcher = new MailboxWatcher(properties, mailbox, "test-unannounced-watcher", receiving, new MailboxStatus());
        watcher.start();
        return watcher;
    }
}
