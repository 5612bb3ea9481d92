package io.hearken.intake.email.mailbox;

import io.hearken.embedded.EmbeddedServers;
import io.hearken.intake.email.EmailIntakeProperties;
import io.hearken.intake.email.intake.ReceivingMail;
import java.time.Duration;

/** A watcher of an account's INBOX on the embedded mail server, started, for the tests that drive one directly. */
final class TestWatchers {

    private TestWatchers() {
    }

    static MailboxWatcher started(EmailIntakeProperties properties, String name, String account,
            ReceivingMail receiving, MailboxStatus status, int batchMails) {
        int port = EmbeddedServers.current().mail().imapPort();
        var mailbox = new EmailIntakeProperties.Mailbox(name, new EmailIntakeProperties.Imap("127.0.0.1", port,
                account, account, false, false, Duration.ofSeconds(30), false), "INBOX");
        MailboxWatcher watcher = new MailboxWatcher(properties, mailbox, "test-" + name + "-watcher", receiving,
                status, batchMails);
        watcher.start();
        return watcher;
    }
}
