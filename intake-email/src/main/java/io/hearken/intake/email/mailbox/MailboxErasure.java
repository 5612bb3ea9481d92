package io.hearken.intake.email.mailbox;

import io.hearken.events.ComplaintId;
import io.hearken.events.MailThreading;
import io.hearken.events.privacy.ErasureHandler;
import io.hearken.events.privacy.PersonalData;
import io.hearken.events.privacy.ResidentErased;
import io.hearken.intake.email.EmailIntakeProperties;
import io.hearken.intake.email.intake.AttachmentStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The email channel's part of an erasure. The whole mails stay on the IMAP server once read (the processed
 * folder, the quarantine folder of every watched account): each one sent by the erased resident (an address in
 * From, Reply-To or Sender whose keyed hash is one of the erasure's) or naming one of the erased complaints (thread
 * headers, subject) is deleted and expunged, over a short session of its own. The attachments stored for the
 * erased complaints are deleted too. Idempotent: a second run finds nothing more.
 */
@Component
class MailboxErasure implements ErasureHandler {

    private static final Logger log = LoggerFactory.getLogger(MailboxErasure.class);
    /** Headers fetched, in batches, for every mail of the folders; never the bodies. */
    private static final String[] SENDERS = {"From", "Reply-To", "Sender"};
    private static final String[] NAMING = {"Subject", "In-Reply-To", "References", MailThreading.COMPLAINT_HEADER};
    private static final int BATCH = 500;

    private final EmailIntakeProperties properties;
    private final PersonalData personalData;
    private final AttachmentStore attachments;
    private final Counter erased;

    MailboxErasure(EmailIntakeProperties properties, PersonalData personalData, MeterRegistry meters) {
        this.properties = properties;
        this.personalData = personalData;
        this.attachments = new AttachmentStore(properties.attachmentsDir());
        this.erased = Counter.builder("hearken.privacy.erased.items").tag("channel", "email")
                .description("Files, mails and transcript calls deleted by erasures").register(meters);
    }

    @Override
    public void on(ResidentErased erasure) {
        Set<String> hashes = new HashSet<>(erasure.contactHashes());
        Set<String> ids = new HashSet<>(erasure.complaintIds().stream().map(ComplaintId::value).toList());
        int mails = 0;
        int files = 0;
        try {
            for (EmailIntakeProperties.Imap account : accounts()) {
                int n = erase(account, hashes, ids);
                mails += n;
                erased.increment(n);
            }
            for (ComplaintId id : erasure.complaintIds()) {
                int n = attachments.erase(id);
                files += n;
                erased.increment(n);
            }
        } catch (MessagingException e) {
            // The server's answer, never a mail's content: retried by the feed until the server is back.
            throw new IllegalStateException("erasure " + erasure.erasureId() + ": IMAP failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("erasure " + erasure.erasureId() + ": attachments not all deleted", e);
        }
        log.info("Erasure {}: {} mail(s) deleted from the {} and {} folders, {} stored attachment(s)",
                erasure.erasureId(), mails, properties.processedFolder(), properties.quarantineFolder(), files);
    }

    /** Each account once, however many of its folders are watched: the processed folders live per account. */
    @Override
    public String scope() {
        return properties.attachmentsDir().toAbsolutePath() + "," + accounts().stream()
                .map(a -> a.host() + ":" + a.port() + ":" + a.username()).toList();
    }

    private List<EmailIntakeProperties.Imap> accounts() {
        Map<String, EmailIntakeProperties.Imap> accounts = new LinkedHashMap<>();
        for (EmailIntakeProperties.Mailbox m : properties.watched()) {
            accounts.putIfAbsent(m.imap().host() + ":" + m.imap().port() + ":" + m.imap().username(), m.imap());
        }
        return List.copyOf(accounts.values());
    }

    private int erase(EmailIntakeProperties.Imap account, Set<String> hashes, Set<String> ids)
            throws MessagingException {
        Store store = ImapSessions.connect(ImapSessions.session(account), account);
        try {
            int deleted = 0;
            for (String name : List.of(properties.processedFolder(), properties.quarantineFolder())) {
                deleted += erase(store.getFolder(name), hashes, ids);
            }
            return deleted;
        } finally {
            store.close();
        }
    }

    private int erase(Folder folder, Set<String> hashes, Set<String> ids) throws MessagingException {
        if (!folder.exists()) {
            return 0;
        }
        folder.open(Folder.READ_WRITE);
        try {
            FetchProfile headers = new FetchProfile();
            Arrays.stream(SENDERS).forEach(headers::add);
            Arrays.stream(NAMING).forEach(headers::add);
            List<Message> theirs = new ArrayList<>();
            int count = folder.getMessageCount();
            for (int from = 1; from <= count; from += BATCH) {
                Message[] batch = folder.getMessages(from, Math.min(count, from + BATCH - 1));
                folder.fetch(batch, headers);
                for (Message m : batch) {
                    if (!m.isExpunged() && (sentBy(m, hashes) || names(m, ids))) {
                        theirs.add(m);
                    }
                }
            }
            if (!theirs.isEmpty()) {
                folder.setFlags(theirs.toArray(Message[]::new), new Flags(Flags.Flag.DELETED), true);
                folder.expunge();
            }
            return theirs.size();
        } finally {
            folder.close(false);
        }
    }

    /** Every address in the sender headers, however malformed (a quarantined mail may be anything). */
    private boolean sentBy(Message m, Set<String> hashes) throws MessagingException {
        if (hashes.isEmpty()) {
            return false;
        }
        for (String name : SENDERS) {
            for (String value : values(m, name)) {
                Matcher address = PersonalData.ADDRESS_IN_TEXT.matcher(decoded(value));
                while (address.find()) {
                    if (hashes.contains(personalData.hash(address.group()))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** A tracking id of an erased complaint in our thread headers, our complaint header or the subject. */
    private static boolean names(Message m, Set<String> ids) throws MessagingException {
        if (ids.isEmpty()) {
            return false;
        }
        for (String name : NAMING) {
            for (String value : values(m, name)) {
                Matcher id = ComplaintId.IN_TEXT.matcher(decoded(value).toUpperCase(Locale.ROOT));
                while (id.find()) {
                    if (ids.contains(id.group())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static String[] values(Message m, String header) throws MessagingException {
        String[] values = m.getHeader(header);
        return values == null ? new String[0] : values;
    }

    private static String decoded(String value) {
        try {
            return MimeUtility.decodeText(MimeUtility.unfold(value));
        } catch (IOException | RuntimeException e) {
            return value;
        }
    }
}
