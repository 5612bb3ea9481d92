package io.hearken.intake.email.mailbox;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.FolderClosedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.StoreClosedException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.angus.mail.imap.IMAPFolder;

/**
 * Where a handled mail goes, over one open connection: flagged \Seen and moved to the processed folder, or a copy
 * with the reason in a header to the quarantine folder (the original leaves the complaints folder).
 */
final class MailDisposition {

    static final String QUARANTINE_HEADER = "X-Hearken-Quarantine-Reason";

    private final Session session;
    private final Store store;
    private final IMAPFolder folder;
    private final String quarantineFolder;
    private final long maxMessageBytes;

    MailDisposition(Session session, Store store, IMAPFolder folder, String quarantineFolder, long maxMessageBytes) {
        this.session = session;
        this.store = store;
        this.folder = folder;
        this.quarantineFolder = quarantineFolder;
        this.maxMessageBytes = maxMessageBytes;
    }

    static void ensureFolder(Store store, String name) throws MessagingException {
        Folder f = store.getFolder(name);
        if (!f.exists()) {
            f.create(Folder.HOLDS_MESSAGES);
        }
    }

    /** A failure of one mail, not of the connection. */
    boolean stillConnected(Exception e) {
        if (e instanceof FolderClosedException || e instanceof StoreClosedException) {
            return false;
        }
        return folder.isOpen() && store.isConnected();
    }

    void moveTo(List<Message> messages, String target) throws MessagingException {
        if (messages.isEmpty()) {
            return;
        }
        Message[] array = messages.toArray(Message[]::new);
        folder.setFlags(array, new Flags(Flags.Flag.SEEN), true);
        Folder to = store.getFolder(target);
        try {
            folder.moveMessages(array, to);
        } catch (MessagingException e) {
            // No MOVE on this server: copy, then delete the originals.
            folder.copyMessages(array, to);
            folder.setFlags(array, new Flags(Flags.Flag.DELETED), true);
            folder.expunge();
        }
    }

    /** A copy with the reason as a header goes to the quarantine folder; the original leaves the inbox. */
    void quarantine(Message m, String reason) throws MessagingException, IOException {
        if (m.getSize() > maxMessageBytes) {
            moveTo(List.of(m), quarantineFolder); // too big to rewrite; the reason is on the dead-letter topic
            return;
        }
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        String folded = MimeUtility.fold(QUARANTINE_HEADER.length() + 2,
                MimeUtility.encodeText(reason.replaceAll("[\\r\\n]+", " "), "UTF-8", null));
        raw.writeBytes((QUARANTINE_HEADER + ": " + folded + "\r\n").getBytes(StandardCharsets.US_ASCII));
        try {
            m.writeTo(raw);
        } catch (MessagingException | IOException e) {
            if (!stillConnected(e)) {
                throw e;
            }
            moveTo(List.of(m), quarantineFolder); // cannot be read to rewrite; the reason is on the dead-letter topic
            return;
        }
        MimeMessage copy = new MimeMessage(session, new ByteArrayInputStream(raw.toByteArray()));
        copy.setFlag(Flags.Flag.SEEN, true);
        store.getFolder(quarantineFolder).appendMessages(new Message[] {copy});
        m.setFlag(Flags.Flag.SEEN, true);
        m.setFlag(Flags.Flag.DELETED, true);
        folder.expunge();
    }
}
