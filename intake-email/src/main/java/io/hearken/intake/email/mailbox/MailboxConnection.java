package io.hearken.intake.email.mailbox;

import io.hearken.intake.email.EmailIntakeProperties;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.IOException;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The IMAP side of one {@link MailboxWatcher}: the login, the open complaints folder, the processed and quarantine
 * folders it needs, and waiting in IDLE. The watcher owns the thread, the back-off and the restarts; what it needs
 * of the server goes through here, so a broken connection is closed in one place.
 */
final class MailboxConnection {

    private static final Logger log = LoggerFactory.getLogger(MailboxWatcher.class);

    private final EmailIntakeProperties properties;
    private final EmailIntakeProperties.Mailbox mailbox;
    private final Session session;
    private final MailCopies copies;
    private volatile Store store;
    private volatile IMAPFolder folder;
    private MailDisposition disposition;
    private volatile boolean idleSupported = true;

    MailboxConnection(EmailIntakeProperties properties, EmailIntakeProperties.Mailbox mailbox) {
        this.properties = properties;
        this.mailbox = mailbox;
        this.session = ImapSessions.session(mailbox.imap());
        this.copies = new MailCopies(session, properties.maxMessageSize().toBytes());
    }

    /** Logs in afresh and opens the folder (closing what was open); {@code scan} learns of the new folder. */
    void open(FolderScan scan) throws MessagingException {
        close();
        var imap = mailbox.imap();
        Store s = ImapSessions.connect(session, imap);
        store = s;
        MailDisposition.ensureFolder(s, properties.processedFolder());
        MailDisposition.ensureFolder(s, properties.quarantineFolder());
        IMAPFolder f = (IMAPFolder) s.getFolder(mailbox.folder());
        if (!f.exists()) {
            throw new MessagingException("folder " + mailbox.folder() + " does not exist in " + imap.username());
        }
        f.open(Folder.READ_WRITE);
        scan.opened(f);
        folder = f;
        disposition = new MailDisposition(session, s, f, properties.quarantineFolder(), properties.maxMessageSize().toBytes());
    }

    /** One pass over the open folder; true when the folder must be opened again before the next. */
    boolean scan(FolderScan scan) throws MessagingException, IOException {
        return scan.scan(store, folder, disposition, copies);
    }

    /** Whether new mail is awaited in IDLE (else by polling). */
    boolean idles() {
        return idleSupported && mailbox.imap().idle();
    }

    /**
     * Waits in IDLE until the folder changes or another use of it ends the IDLE; false at once when the server turns
     * out to have no IDLE (then the caller polls, from now on).
     */
    boolean idle() throws MessagingException {
        try {
            folder.idle(true);
            return true;
        } catch (MessagingException e) {
            if (e.getMessage() == null || !e.getMessage().contains("IDLE not supported")) {
                throw e;
            }
            idleSupported = false;
            log.info("IMAP server has no IDLE: polling {} every {} ms", where(), properties.pollInterval().toMillis());
            return false;
        }
    }

    /** Ends an IDLE: any other use of the folder does. */
    void touch() {
        IMAPFolder f = folder;
        if (f != null && f.isOpen()) {
            try {
                f.getMessageCount();
            } catch (MessagingException | RuntimeException ignored) {
                // the watcher thread notices a broken connection itself
            }
        }
    }

    String where() {
        var imap = mailbox.imap();
        return imap.username() + "@" + imap.host() + ":" + imap.port() + "/" + mailbox.folder();
    }

    void close() {
        IMAPFolder f = folder;
        folder = null;
        Store s = store;
        store = null;
        try {
            if (f != null && f.isOpen()) {
                f.close(false);
            }
        } catch (MessagingException | RuntimeException ignored) {
            // closing a broken connection
        }
        try {
            if (s != null) {
                s.close();
            }
        } catch (MessagingException | RuntimeException ignored) {
            // closing a broken connection
        }
    }
}
