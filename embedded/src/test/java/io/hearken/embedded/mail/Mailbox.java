package io.hearken.embedded.mail;

import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.eclipse.angus.mail.imap.IMAPFolder;

/** A real mail client for the tests: SMTP to send, IMAP to look (JavaMail / Angus). */
final class Mailbox {

    /** One mail as IMAP shows it; {@code flags} without \\Recent (a session's view, not the mail's). */
    record Seen(long uid, String subject, String flags) {
    }

    private static final Session session = session();

    private Mailbox() {
    }

    private static Session session() {
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.connectiontimeout", "10000");
        props.put("mail.smtp.timeout", "30000");
        props.put("mail.imap.connectiontimeout", "10000");
        props.put("mail.imap.timeout", "30000");
        return Session.getInstance(props);
    }

    /** Returns once the server answered 250. */
    static void send(int smtpPort, String to, String subject) throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress("resident@example.com"));
        message.setRecipients(Message.RecipientType.TO, to);
        message.setSubject(subject, "UTF-8");
        message.setText("Mail " + subject + ": 楼上漏水", "UTF-8");
        Transport transport = session.getTransport("smtp");
        try {
            transport.connect("127.0.0.1", smtpPort, null, null);
            transport.sendMessage(message, message.getAllRecipients());
        } finally {
            transport.close();
        }
    }

    interface Work<T> {
        T in(Store store) throws MessagingException;
    }

    /** A session left open (for one that keeps a folder selected); the caller closes it. */
    static Store connect(int imapPort, String user, String password) throws MessagingException {
        Store store = session.getStore("imap");
        store.connect("127.0.0.1", imapPort, user, password);
        return store;
    }

    static <T> T imap(int imapPort, String user, String password, Work<T> work) throws MessagingException {
        Store store = session.getStore("imap");
        store.connect("127.0.0.1", imapPort, user, password);
        try {
            return work.in(store);
        } finally {
            store.close();
        }
    }

    /** Every mail of a folder, oldest first, read without marking anything seen. */
    static List<Seen> list(int imapPort, String user, String password, String folder) throws MessagingException {
        return imap(imapPort, user, password, store -> {
            IMAPFolder f = (IMAPFolder) store.getFolder(folder);
            if (!f.exists()) {
                return List.of();
            }
            f.open(Folder.READ_ONLY);
            List<Seen> seen = new ArrayList<>();
            Message[] all = f.getMessages();
            FetchProfile profile = new FetchProfile(); // one FETCH for all, not three round trips a mail
            profile.add(FetchProfile.Item.ENVELOPE);
            profile.add(FetchProfile.Item.FLAGS);
            profile.add(UIDFolder.FetchProfileItem.UID);
            f.fetch(all, profile);
            for (Message m : all) {
                seen.add(new Seen(f.getUID(m), m.getSubject(), flags(m.getFlags())));
            }
            f.close(false);
            return seen;
        });
    }

    static String flags(Flags flags) {
        List<String> names = new ArrayList<>();
        for (Flags.Flag f : flags.getSystemFlags()) {
            if (f == Flags.Flag.SEEN) names.add("Seen");
            if (f == Flags.Flag.DELETED) names.add("Deleted");
            if (f == Flags.Flag.FLAGGED) names.add("Flagged");
            if (f == Flags.Flag.ANSWERED) names.add("Answered");
            if (f == Flags.Flag.DRAFT) names.add("Draft");
        }
        names.addAll(List.of(flags.getUserFlags()));
        names.sort(null);
        return String.join(" ", names);
    }

    static long uidValidity(int imapPort, String user, String password, String folder) throws MessagingException {
        return imap(imapPort, user, password, store -> ((IMAPFolder) store.getFolder(folder)).getUIDValidity());
    }

    static Map<String, Seen> bySubject(List<Seen> mails) {
        Map<String, Seen> map = new LinkedHashMap<>();
        mails.forEach(m -> map.put(m.subject(), m));
        return map;
    }
}
