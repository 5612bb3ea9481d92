package io.hearken.embedded.mail;

import com.icegreen.greenmail.imap.ImapHostManager;
import com.icegreen.greenmail.smtp.SmtpManager;
import com.icegreen.greenmail.smtp.SmtpState;
import com.icegreen.greenmail.user.UserManager;

/**
 * GreenMail's SMTP delivery, which answers 250 when {@link #send} returns: the mail's files are forced to
 * disk before that, and after GreenMail's delivery lock (one for the whole server) is released, so that
 * deliveries on other connections go on meanwhile and share the disk's flushes.
 */
final class DurableSmtpManager extends SmtpManager {

    DurableSmtpManager(ImapHostManager imapHostManager, UserManager userManager) {
        super(imapHostManager, userManager);
    }

    @Override
    public void send(SmtpState state) {
        DiskWrites.durably(() -> {
            super.send(state);
            return null;
        });
    }
}
