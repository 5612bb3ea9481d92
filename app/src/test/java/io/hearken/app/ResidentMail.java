package io.hearken.app;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A resident's mailbox on GreenMail over IMAP: the mails Hearken sent, as text, and the links in them. */
final class ResidentMail {

    private ResidentMail() {
    }

    /** The text of the first mail in the resident's GreenMail box that mentions the complaint and the marker. */
    static String containing(int imapPort, String resident, String id, String marker) throws Exception {
        Properties props = new Properties();
        props.put("mail.imap.connectiontimeout", "10000");
        props.put("mail.imap.timeout", "10000");
        Store store = Session.getInstance(props).getStore("imap");
        try {
            // GreenMail makes a mailbox per recipient, its login and password being the address.
            store.connect("127.0.0.1", imapPort, resident, resident);
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            for (Message message : inbox.getMessages()) {
                String text = text(message);
                if (text.contains(id) && text.contains(marker)) {
                    return text;
                }
            }
            return null;
        } catch (jakarta.mail.AuthenticationFailedException noMailYet) {
            return null;
        } finally {
            store.close();
        }
    }

    static String text(jakarta.mail.Part part) throws Exception {
        if (part.isMimeType("text/*")) {
            return String.valueOf(part.getContent());
        }
        if (part.getContent() instanceof jakarta.mail.Multipart multipart) {
            StringBuilder all = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                all.append(text(multipart.getBodyPart(i))).append('\n');
            }
            return all.toString();
        }
        return "";
    }

    static List<String> links(String text) {
        List<String> links = new ArrayList<>();
        Matcher m = Pattern.compile("https?://[^\\s\"'<>)]+").matcher(text.replace("&amp;", "&"));
        while (m.find()) {
            links.add(m.group());
        }
        return links;
    }
}
