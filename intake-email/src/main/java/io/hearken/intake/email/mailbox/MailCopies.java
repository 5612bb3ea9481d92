package io.hearken.intake.email.mailbox;

import jakarta.mail.FetchProfile;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.SharedFileInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mails copied out of IMAP once, so reading them never goes back to the server: a batch's small mails in one
 * {@code FETCH BODY.PEEK[]}, a big one streamed to a temporary file, one over the size limit not fetched at all.
 */
final class MailCopies {

    private static final Logger log = LoggerFactory.getLogger(MailCopies.class);
    static final long IN_MEMORY_LIMIT = 8L * 1024 * 1024;

    private final Session session;
    private final long maxMessageBytes;

    MailCopies(Session session, long maxMessageBytes) {
        this.session = session;
        this.maxMessageBytes = maxMessageBytes;
    }

    /** Whole mails for the batch in one round trip; big ones are streamed to a temp file one by one later. */
    void prefetch(IMAPFolder folder, List<Message> chunk) {
        List<Message> small = new ArrayList<>();
        for (Message m : chunk) {
            try {
                if (m.getSize() >= 0 && m.getSize() <= IN_MEMORY_LIMIT) {
                    small.add(m);
                }
            } catch (MessagingException ignored) {
                // unknown size: fetched on its own
            }
        }
        if (small.size() < 2) {
            return;
        }
        FetchProfile bodies = new FetchProfile();
        bodies.add(IMAPFolder.FetchProfileItem.MESSAGE);
        try {
            folder.fetch(small.toArray(Message[]::new), bodies);
        } catch (MessagingException | RuntimeException e) {
            log.debug("Email intake: bulk fetch failed, fetching one by one: {}", e.toString());
        }
    }

    /** The whole mail, copied out of IMAP once (to a temp file when big); a mail over the limit is not fetched. */
    MimeMessage load(Message m) throws MessagingException, IOException {
        int size = m.getSize();
        if (size > maxMessageBytes) {
            return (MimeMessage) m;
        }
        if (size > IN_MEMORY_LIMIT) {
            Path tmp = Files.createTempFile("hearken-mail-", ".eml");
            tmp.toFile().deleteOnExit();
            try (OutputStream out = Files.newOutputStream(tmp)) {
                m.writeTo(out);
            }
            MimeMessage copy = new MimeMessage(session, new SharedFileInputStream(tmp.toFile()));
            Files.deleteIfExists(tmp); // open: readable until closed on Linux
            return copy;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(size, 1024));
        m.writeTo(out);
        return new MimeMessage(session, new ByteArrayInputStream(out.toByteArray()));
    }
}
