package io.hearken.topology;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A resident's own mailbox on the embedded mail server: each mail as decoded text, and the links in it. */
final class Mailbox {

    private static final Pattern LINK = Pattern.compile("https?://[^\\s\"'<>)]+");

    private Mailbox() {
    }

    /** Subject and decoded text parts of every mail in {@code address}'s inbox (not the notifier's journal copies). */
    static List<String> texts(GreenMail greenMail, String address) throws Exception {
        List<String> texts = new ArrayList<>();
        var user = greenMail.getUserManager().getUserByEmail(address);
        if (user == null) {
            return texts;
        }
        for (var stored : greenMail.getManagers().getImapHostManager().getInbox(user).getMessages()) {
            var message = stored.getMimeMessage();
            texts.add(message.getSubject() + "\n" + text(message));
        }
        return texts;
    }

    /** The links in a mail's text (HTML entities for {@code &} undone). */
    static List<String> links(String text) {
        List<String> links = new ArrayList<>();
        Matcher m = LINK.matcher(text.replace("&amp;", "&"));
        while (m.find()) {
            links.add(m.group());
        }
        return links;
    }

    private static String text(Part part) throws Exception {
        if (part.isMimeType("text/*")) {
            return String.valueOf(part.getContent());
        }
        StringBuilder all = new StringBuilder();
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                all.append(text(multipart.getBodyPart(i))).append('\n');
            }
        }
        return all.toString();
    }
}
