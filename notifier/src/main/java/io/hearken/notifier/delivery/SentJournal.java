package io.hearken.notifier.delivery;

import io.hearken.notifier.NotifierProperties;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.time.Instant;
import java.util.Date;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The Message-IDs of the mails the SMTP server accepted lately, read from the journal mailbox (every mail carries
 * the journal as an extra envelope recipient, so SMTP accepts both copies in one transaction or neither). Read
 * lazily once after start-up — what a crashed predecessor sent is there — and pruned of copies older than
 * {@code keep}. While the journal cannot be read, {@link #accepted} throws, so the event waits and is retried
 * rather than risk a second mail.
 */
@Component("notifierSentJournal")
public class SentJournal {

    private static final Logger log = LoggerFactory.getLogger(SentJournal.class);

    private final NotifierProperties.Journal settings;
    private final Set<String> accepted = ConcurrentHashMap.newKeySet();
    private volatile boolean loaded;

    SentJournal(NotifierProperties properties) {
        this.settings = properties.journal();
        if (!settings.enabled()) {
            log.warn("No sent-mail journal (hearken.notifier.journal.address): a crash between the SMTP server accepting"
                    + " a mail and its record on 'notifications' sends that mail again after the restart");
        }
    }

    public boolean enabled() {
        return settings.enabled();
    }

    /** The extra envelope recipient of every mail, or null. */
    public String address() {
        return settings.enabled() ? settings.address().strip() : null;
    }

    /** Whether the SMTP server accepted a mail with this Message-ID before this process started. */
    public boolean accepted(String messageId) {
        if (!settings.enabled()) {
            return false;
        }
        if (!loaded) {
            load();
        }
        return accepted.contains(messageId);
    }

    /** Hourly: copies older than {@code keep} leave the journal mailbox, so it stays small between restarts. */
    @org.springframework.scheduling.annotation.Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1H")
    void prune() {
        if (settings.enabled()) {
            try {
                read(false);
            } catch (RuntimeException e) {
                log.warn("Sent-mail journal {} not pruned: {}", address(), e.getMessage());
            }
        }
    }

    /**
     * Deletes the journal's copies of the mails about these complaints (an erasure: the copies hold the resident's
     * name and words). Their Message-IDs stay known, so nothing is sent twice. Returns how many copies went.
     */
    public synchronized int forget(java.util.Collection<io.hearken.events.ComplaintId> complaints) {
        if (!settings.enabled() || complaints.isEmpty()) {
            return 0;
        }
        Set<String> ids = new java.util.HashSet<>();
        complaints.forEach(id -> ids.add(id.value()));
        int deleted = 0;
        try (Store store = Session.getInstance(imapProperties()).getStore(settings.tls() ? "imaps" : "imap")) {
            store.connect(settings.imapHost(), settings.imapPort(), settings.username(), settings.password());
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            for (Message m : inbox.getMessages()) {
                String[] complaint = m.getHeader(io.hearken.events.MailThreading.COMPLAINT_HEADER);
                if (complaint != null && complaint.length > 0 && ids.contains(complaint[0].strip())) {
                    String[] id = m.getHeader("Message-ID");
                    if (id != null && id.length > 0) {
                        accepted.add(id[0].strip());
                    }
                    m.setFlag(Flags.Flag.DELETED, true);
                    deleted++;
                }
            }
            inbox.close(true);
        } catch (MessagingException e) {
            throw new IllegalStateException("the sent-mail journal " + address() + " cannot be read (will retry): " + e, e);
        }
        return deleted;
    }

    private static Properties imapProperties() {
        Properties props = new Properties();
        props.put("mail.imap.connectiontimeout", "10000");
        props.put("mail.imap.timeout", "30000");
        return props;
    }

    private synchronized void load() {
        if (loaded) {
            return;
        }
        read(true);
        loaded = true;
    }

    /** Deletes the old copies and, with {@code remember}, notes the Message-IDs of the rest. */
    private synchronized void read(boolean remember) {
        Properties props = imapProperties();
        Instant cutoff = Instant.now().minus(settings.keep());
        int pruned = 0;
        try (Store store = Session.getInstance(props).getStore(settings.tls() ? "imaps" : "imap")) {
            store.connect(settings.imapHost(), settings.imapPort(), settings.username(), settings.password());
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            Message[] messages = inbox.getMessages();
            FetchProfile headers = new FetchProfile();
            headers.add("Message-ID");
            headers.add(FetchProfile.Item.ENVELOPE);
            inbox.fetch(messages, headers);
            for (Message m : messages) {
                Date received = m.getReceivedDate();
                if (received != null && received.toInstant().isBefore(cutoff)) {
                    m.setFlag(Flags.Flag.DELETED, true);
                    pruned++;
                    continue;
                }
                String[] id = remember ? m.getHeader("Message-ID") : null;
                if (id != null && id.length > 0) {
                    accepted.add(id[0].strip());
                }
            }
            inbox.close(true); // expunges the pruned copies
        } catch (MessagingException e) {
            throw new IllegalStateException("the sent-mail journal " + address() + " cannot be read (will retry): " + e, e);
        }
        log.info("Sent-mail journal {}: {} mails of the last {} known, {} older copies deleted", address(), accepted.size(),
                settings.keep(), pruned);
    }
}
