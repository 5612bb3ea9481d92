package io.hearken.intake.email.mailbox;

import io.hearken.intake.email.EmailIntakeProperties;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.util.Properties;

/** How the channel logs in to an IMAP account: the watchers and the erasure alike. */
final class ImapSessions {

    private ImapSessions() {
    }

    static Session session(EmailIntakeProperties.Imap imap) {
        String p = imap.tls() ? "imaps" : "imap";
        Properties props = new Properties();
        long timeout = imap.timeout().toMillis();
        props.put("mail.store.protocol", p);
        props.put("mail." + p + ".connectiontimeout", String.valueOf(timeout));
        props.put("mail." + p + ".timeout", String.valueOf(timeout));
        props.put("mail." + p + ".fetchsize", String.valueOf(1024 * 1024));
        props.put("mail." + p + ".starttls.enable", String.valueOf(imap.starttls()));
        props.put("mail." + p + ".starttls.required", String.valueOf(imap.starttls()));
        props.put("mail." + p + ".ssl.checkserveridentity", "true");
        return Session.getInstance(props);
    }

    static Store connect(Session session, EmailIntakeProperties.Imap imap) throws MessagingException {
        Store store = session.getStore(imap.tls() ? "imaps" : "imap");
        store.connect(imap.host(), imap.port(), imap.username(), imap.password());
        return store;
    }
}
