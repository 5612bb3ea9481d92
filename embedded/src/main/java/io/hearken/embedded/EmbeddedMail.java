package io.hearken.embedded;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.hearken.embedded.mail.DurableGreenMail;
import io.hearken.embedded.mail.MailLimits;
import java.nio.file.Path;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real SMTP and IMAP server (GreenMail). The complaints mailbox has fixed credentials; mail to any
 * other address lands in that address's own mailbox (login and password: the address itself), so a
 * user can read what the notifier sent. Everything is kept in a folder on disk ({@code <data>/mail}) and
 * comes back at the next start, also after a crash; see {@link DurableGreenMail} and {@link MailLimits}.
 */
public final class EmbeddedMail implements AutoCloseable {

    public static final String COMPLAINTS_ADDRESS = "complaints@hearken.local";
    public static final String COMPLAINTS_PASSWORD = "hearken";
    /** The notifier's sent-mail journal (login and password: the address); it exists before any mail reaches it. */
    public static final String JOURNAL_ADDRESS = "notifier-journal@hearken.local";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMail.class);

    private final GreenMail greenMail;

    private EmbeddedMail(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    /** Ports 0 pick free ones; {@code dir} keeps the mail. */
    public static EmbeddedMail start(Path dir, MailLimits limits, int smtpPort, int imapPort) {
        for (int port : new int[] {smtpPort, imapPort}) {
            if (port != 0 && Ports.inUse(port)) {
                throw new IllegalStateException("Port " + port + " is taken: is another Hearken (or mail server) running? "
                        + "Stop it, or set spring.mail.host to use that server instead.");
            }
        }
        ServerSetup smtp = new ServerSetup(smtpPort == 0 ? Ports.free() : smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        ServerSetup imap = new ServerSetup(imapPort == 0 ? Ports.free() : imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP);
        GreenMail greenMail = new DurableGreenMail(new ServerSetup[] {smtp, imap}, dir, limits, COMPLAINTS_PASSWORD,
                Set.of(JOURNAL_ADDRESS)); // the journal stays in memory even when empty
        greenMail.start();
        greenMail.setUser(JOURNAL_ADDRESS, JOURNAL_ADDRESS, JOURNAL_ADDRESS); // kept with the accounts across restarts
        log.info("Mail ready: SMTP 127.0.0.1:{}, IMAP 127.0.0.1:{} (mailbox {} / {}), kept in {}", smtp.getPort(), imap.getPort(),
                COMPLAINTS_ADDRESS, COMPLAINTS_PASSWORD, dir);
        return new EmbeddedMail(greenMail);
    }

    /** What the all-in-one keeps: see {@link MailLimits}. */
    public static MailLimits limits(int perMailbox, int processed, int total) {
        return new MailLimits(COMPLAINTS_ADDRESS, perMailbox, processed, total);
    }

    public int smtpPort() {
        return greenMail.getSmtp().getPort();
    }

    public int imapPort() {
        return ((DurableGreenMail) greenMail).imapPort();
    }

    /** For tests that need to look inside a mailbox or create users directly. */
    public GreenMail greenMail() {
        return greenMail;
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
