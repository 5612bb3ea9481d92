package io.hearken.intake.email.mailbox;

import io.hearken.intake.email.EmailIntakeProperties;
import io.hearken.intake.email.intake.ReceivingMail;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * One {@link MailboxWatcher} (one IMAP connection, one thread) per configured mailbox: {@code hearken.email.imap}
 * with {@code folder}, and each of {@code hearken.email.mailboxes}. They share the dedupe store, so a copy of
 * a mail in two of them still makes one complaint.
 */
@Component("emailMailboxWatcher")
class MailboxWatchers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MailboxWatchers.class);

    private final EmailIntakeProperties properties;
    private final ReceivingMail receiving;
    private final MailboxStatus status;
    private final List<MailboxWatcher> watchers = new ArrayList<>();
    private volatile boolean running;

    MailboxWatchers(EmailIntakeProperties properties, ReceivingMail receiving, MailboxStatus status) {
        this.properties = properties;
        this.receiving = receiving;
        this.status = status;
    }

    @Override
    public synchronized void start() {
        if (!properties.enabled()) {
            log.info("Email intake disabled (hearken.email.enabled=false)");
            status.disabled("hearken.email.enabled=false");
            return;
        }
        List<EmailIntakeProperties.Mailbox> mailboxes = properties.watched();
        if (mailboxes.isEmpty()) {
            log.warn("Email intake idle: set hearken.email.imap.host, .username and .password to read a mailbox");
            status.disabled("no hearken.email.imap.host");
            return;
        }
        List<String> names = new ArrayList<>();
        for (EmailIntakeProperties.Mailbox m : mailboxes) {
            if (names.contains(m.name())) {
                throw new IllegalStateException("Two watched mailboxes are both named '" + m.name()
                        + "': give hearken.email.mailboxes[n].name distinct values");
            }
            names.add(m.name());
        }
        for (int i = 0; i < mailboxes.size(); i++) {
            MailboxWatcher w = new MailboxWatcher(properties, mailboxes.get(i), i == 0 ? "hearken-email-imap" : "hearken-email-imap-" + i,
                    receiving, status);
            watchers.add(w);
            w.start();
        }
        running = true;
    }

    @Override
    public synchronized void stop() {
        running = false;
        watchers.forEach(MailboxWatcher::stop);
        watchers.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100; // after Kafka's producers are ready, stopped before them
    }
}
