package io.hearken.intake.email.mailbox;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.SharedByteArrayInputStream;
import jakarta.mail.util.SharedFileInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.angus.mail.iap.ByteArray;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.protocol.BODY;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;
import org.eclipse.angus.mail.imap.protocol.UID;
import org.eclipse.angus.mail.imap.protocol.UIDSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mails copied out of IMAP once, so reading them never goes back to the server: a batch's small mails in one
 * {@code UID FETCH … BODY.PEEK[]} and parsed once, a big one streamed to a temporary file, one over the size limit not
 * fetched at all.
 */
final class MailCopies {

    private static final Logger log = LoggerFactory.getLogger(MailCopies.class);
    static final long IN_MEMORY_LIMIT = 8L * 1024 * 1024;

    private final Session session;
    private final long maxMessageBytes;
    /** The current batch's mails as the server sent them, by UID; taken out as they are loaded. */
    private final Map<Long, ByteArray> fetched = new HashMap<>();

    MailCopies(Session session, long maxMessageBytes) {
        this.session = session;
        this.maxMessageBytes = maxMessageBytes;
    }

    /**
     * Whole mails for the batch in one round trip ({@code UID FETCH … BODY.PEEK[]}), kept as the bytes the server sent:
     * each is parsed once, in {@link #load} (the folder's own bulk fetch would parse every mail into its
     * {@code IMAPMessage}, and the copy out of it parse it again). Big ones are streamed to a temp file one by one later.
     */
    void prefetch(IMAPFolder folder, List<Message> chunk) {
        fetched.clear();
        List<Long> uids = new ArrayList<>();
        for (Message m : chunk) {
            try {
                if (m.getSize() >= 0 && m.getSize() <= IN_MEMORY_LIMIT) {
                    uids.add(folder.getUID(m));
                }
            } catch (MessagingException ignored) {
                // unknown size: fetched on its own
            }
        }
        if (uids.size() < 2) {
            return;
        }
        String set = UIDSet.toString(UIDSet.createUIDSets(uids.stream().mapToLong(Long::longValue).sorted().toArray()));
        try {
            folder.doCommand(p -> {
                Response[] r = p.command("UID FETCH " + set + " (UID BODY.PEEK[])", null);
                List<Response> others = new ArrayList<>();
                for (int i = 0; i < r.length - 1; i++) {
                    if (r[i] instanceof FetchResponse f && f.getItem(UID.class) != null && whole(f.getItem(BODY.class))) {
                        fetched.put(f.getItem(UID.class).uid, f.getItem(BODY.class).getByteArray());
                    } else if (r[i] != null) {
                        others.add(r[i]); // EXISTS, EXPUNGE, flag changes: the folder's business
                    }
                }
                p.notifyResponseHandlers(others.toArray(Response[]::new));
                p.handleResult(r[r.length - 1]);
                return null;
            });
        } catch (MessagingException | RuntimeException e) {
            fetched.clear();
            log.debug("Email intake: bulk fetch failed, fetching one by one: {}", e.toString());
        }
    }

    private static boolean whole(BODY body) {
        return body != null && !body.isHeader() && (body.getSection() == null || body.getSection().isEmpty())
                && body.getByteArray() != null;
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
        ByteArray raw = m.getFolder() instanceof UIDFolder f ? fetched.remove(f.getUID(m)) : null;
        if (raw != null) { // parsed here, the body shared with the bytes read, not copied
            return new MimeMessage(session, new SharedByteArrayInputStream(raw.getBytes(), raw.getStart(), raw.getCount()));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(size, 1024));
        m.writeTo(out);
        return new MimeMessage(session, new ByteArrayInputStream(out.toByteArray()));
    }
}
