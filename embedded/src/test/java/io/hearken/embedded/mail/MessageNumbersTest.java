package io.hearken.embedded.mail;

import static com.icegreen.greenmail.imap.ImapConstants.USER_NAMESPACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.InMemoryStore;
import com.icegreen.greenmail.store.MailFolder;
import jakarta.mail.Flags;
import jakarta.mail.Session;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.MimeMessage;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * A message's sequence number is its place in the folder when it is asked, even when the folder's numbering was
 * taken while a change was under way. GreenMail's MOVE asks for the number of every message of the folder while it
 * holds the folder's list; one not found ends the client's connection with an error (seen once in CI: a delivery
 * and a removal between the marks and the UIDs left a numbering whose marks matched the folder's). Here the marks
 * are held still while the list changes, which is what that interleaving looks like to the numbering.
 */
class MessageNumbersTest {

    @Test
    void aMessagesNumberIsItsPlaceNowEvenWhenTheNumberingIsOutOfDate() throws Exception {
        InMemoryStore store = new InMemoryStore();
        MailFolder real = store.createMailbox(store.getMailbox(USER_NAMESPACE), "INBOX", true);
        AtomicBoolean marksHeld = new AtomicBoolean();
        long[] heldMarks = new long[2]; // message count, next UID
        MailFolder memory = (MailFolder) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {MailFolder.class, UIDFolder.class}, (proxy, method, args) -> {
                    if (marksHeld.get() && method.getName().equals("getMessageCount")) {
                        return (int) heldMarks[0];
                    }
                    if (marksHeld.get() && method.getName().equals("getUIDNext")) {
                        return heldMarks[1];
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        DurableFolder inbox = new DurableFolder(memory, List.of("resident@example.com", "INBOX"), null, path -> 0,
                new MailBudget(0), new ResidentAccounts(Set.of()));
        long[] uids = new long[5];
        for (int i = 0; i < uids.length; i++) {
            uids[i] = inbox.appendMessage(mail("mail " + i), new Flags(), new Date());
        }
        assertThat(inbox.getMsn(uids[2])).isEqualTo(3); // the numbering taken

        heldMarks[0] = real.getMessageCount();
        heldMarks[1] = real.getUIDNext();
        marksHeld.set(true);
        real.setFlags(new Flags(Flags.Flag.DELETED), true, uids[1], null, false);
        real.expunge(); // one gone and one come: the same count
        long appended = real.appendMessage(mail("mail 5"), new Flags(), new Date());

        assertThat(inbox.getMsn(uids[0])).isEqualTo(1);
        assertThat(inbox.getMsn(uids[2])).as("moved up by the one gone").isEqualTo(2);
        assertThat(inbox.getMsn(uids[4])).isEqualTo(4);
        assertThat(inbox.getMsn(appended)).as("not in the numbering").isEqualTo(5);
        assertThatThrownBy(() -> inbox.getMsn(uids[1])).isInstanceOf(FolderException.class);
        assertThat(inbox.getMessageUids()).containsExactly(uids[0], uids[2], uids[3], uids[4], appended);
        assertThat(inbox.getMessage(uids[2]).getUid()).isEqualTo(uids[2]);
        assertThat(inbox.getMessage(uids[1])).isNull();
    }

    private static MimeMessage mail(String text) throws Exception {
        MimeMessage m = new MimeMessage(Session.getInstance(new Properties()));
        m.setSubject(text);
        m.setText(text);
        m.saveChanges();
        return m;
    }
}
