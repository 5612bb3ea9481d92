package io.hearken.embedded.mail;

import static io.hearken.embedded.EmbeddedMail.COMPLAINTS_ADDRESS;
import static io.hearken.embedded.EmbeddedMail.JOURNAL_ADDRESS;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.user.GreenMailUser;
import io.hearken.embedded.EmbeddedMail;
import io.hearken.embedded.mail.Mailbox.Seen;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Resident accounts leave memory when their inbox is empty and come back, with their UIDs, at the next delivery, login
 * or look-up; the complaints account and the notifier's journal stay; no mail is lost to a drop under way.
 */
class ResidentAccountsTest {

    @TempDir
    Path data;

    @Test
    void emptyResidentAccountsLeaveMemoryAndComeBackAtTheNextMailOrLogin() throws Exception {
        Path dir = data.resolve("mail");
        long firstUid;
        try (EmbeddedMail mail = EmbeddedMail.start(dir, EmbeddedMail.limits(10, 100, 50), 0, 0)) {
            for (int i = 0; i < 200; i++) {
                Mailbox.send(mail.smtpPort(), resident(i), "one for each of 200");
            }
            // The total keeps the newest 50 mails (it drops 5, its tenth, at a time, and 200 - 50 is a multiple of 5: back at
            // 50 exactly): the 150 oldest inboxes are empty, and their accounts left memory.
            assertThat(inMemory(mail)).hasSize(50 + 2).contains(COMPLAINTS_ADDRESS, JOURNAL_ADDRESS, resident(150), resident(199))
                    .doesNotContain(resident(0), resident(149));

            // A resident who read and deleted their mail: the account leaves memory once their session is done.
            firstUid = Mailbox.list(mail.imapPort(), resident(199), resident(199), "INBOX").get(0).uid();
            emptyInbox(mail, resident(199));
            assertThat(inMemory(mail)).doesNotContain(resident(199));

            // Logging in brings an account back (empty), and so does a new mail; the UIDs go on.
            assertThat(Mailbox.list(mail.imapPort(), resident(0), resident(0), "INBOX")).isEmpty();
            Mailbox.send(mail.smtpPort(), resident(199) + ", " + resident(5), "again");
            List<Seen> back = Mailbox.list(mail.imapPort(), resident(199), resident(199), "INBOX");
            assertThat(back).extracting(Seen::subject).containsExactly("again");
            assertThat(back.get(0).uid()).isGreaterThan(firstUid);
            assertThat(Mailbox.list(mail.imapPort(), resident(5), resident(5), "INBOX")).extracting(Seen::subject).containsExactly("again");
            assertThat(inMemory(mail)).contains(resident(199), resident(5));

            // The journal stays even when empty.
            Mailbox.send(mail.smtpPort(), JOURNAL_ADDRESS, "sent");
            emptyInbox(mail, JOURNAL_ADDRESS);
            assertThat(inMemory(mail)).contains(JOURNAL_ADDRESS);
        }
        try (EmbeddedMail again = EmbeddedMail.start(dir, EmbeddedMail.limits(10, 100, 50), 0, 0)) {
            // Dropped accounts stay out of memory after a restart, and come back into the account they had.
            assertThat(inMemory(again)).doesNotContain(resident(0), resident(100)).contains(resident(199), JOURNAL_ADDRESS);
            Mailbox.send(again.smtpPort(), resident(100), "after the restart");
            assertThat(Mailbox.list(again.imapPort(), resident(100), resident(100), "INBOX")).singleElement()
                    .satisfies(m -> assertThat(m.uid()).as("UIDs go on from the account's first mail").isEqualTo(2));
        }
    }

    @Test
    void aChangeThatReachesADroppedFolderGoesToTheAccountBroughtBack() throws Exception {
        try (EmbeddedMail mail = EmbeddedMail.start(data.resolve("mail"), EmbeddedMail.limits(10, 100, 1_000), 0, 0)) {
            Mailbox.send(mail.smtpPort(), resident(1), "first");
            GreenMailUser user = mail.greenMail().getUserManager().getUserByEmail(resident(1));
            MailFolder stale = mail.greenMail().getManagers().getImapHostManager().getInbox(user); // as a delivery under way
            emptyInbox(mail, resident(1));
            assertThat(inMemory(mail)).doesNotContain(resident(1));

            MimeMessage late = new MimeMessage((jakarta.mail.Session) null);
            late.setFrom(new InternetAddress("notifier@hearken.local"));
            late.setSubject("late");
            late.setText("delivered to the folder looked up before the drop");
            stale.appendMessage(late, new Flags(), new Date());
            assertThat(Mailbox.list(mail.imapPort(), resident(1), resident(1), "INBOX")).extracting(Seen::subject).containsExactly("late");
        }
    }

    @Test
    void noMailIsLostWhileAccountsLeaveMemoryAndComeBack() throws Exception {
        int residents = 6;
        int senders = 3;
        int perSender = 60;
        try (EmbeddedMail mail = EmbeddedMail.start(data.resolve("mail"), EmbeddedMail.limits(1_000, 1_000, 100_000), 0, 0)) {
            List<String> sent = Collections.synchronizedList(new ArrayList<>());
            List<String> read = Collections.synchronizedList(new ArrayList<>());
            AtomicBoolean sending = new AtomicBoolean(true);
            List<Thread> threads = new ArrayList<>();
            for (int s = 0; s < senders; s++) {
                int sender = s;
                threads.add(new Thread(() -> {
                    for (int n = 0; n < perSender; n++) {
                        String subject = "m-" + sender + "-" + n;
                        try {
                            Mailbox.send(mail.smtpPort(), resident(n % residents), subject);
                            sent.add(subject);
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }
                }));
            }
            Thread reader = new Thread(() -> {
                while (sending.get()) {
                    for (int r = 0; r < residents; r++) {
                        try {
                            read.addAll(emptyInbox(mail, resident(r)));
                        } catch (jakarta.mail.AuthenticationFailedException noMailYet) {
                            // no account before the first mail to the address
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }
                }
            });
            threads.forEach(Thread::start);
            reader.start();
            for (Thread t : threads) {
                t.join();
            }
            sending.set(false);
            reader.join();
            for (int r = 0; r < residents; r++) {
                read.addAll(emptyInbox(mail, resident(r)));
            }
            assertThat(sent).hasSize(senders * perSender);
            assertThat(read).as("every mail read exactly once").hasSize(sent.size()).containsExactlyInAnyOrderElementsOf(sent);
            assertThat(inMemory(mail)).as("all emptied: only the kept accounts remain").containsExactlyInAnyOrder(COMPLAINTS_ADDRESS, JOURNAL_ADDRESS);
        }
    }

    static String resident(int i) {
        return "resident" + i + "@example.com";
    }

    /** The accounts GreenMail holds in memory (its list, which does not bring dropped ones back). */
    private static Set<String> inMemory(EmbeddedMail mail) {
        return mail.greenMail().getUserManager().listUser().stream().map(GreenMailUser::getEmail).collect(Collectors.toSet());
    }

    /** Reads and deletes every mail of the inbox, as a resident's mail client; returns their subjects. */
    private static List<String> emptyInbox(EmbeddedMail mail, String address) throws Exception {
        return Mailbox.imap(mail.imapPort(), address, address, store -> {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            List<String> subjects = new ArrayList<>();
            Message[] messages = inbox.getMessages();
            for (Message m : messages) {
                subjects.add(m.getSubject());
            }
            if (messages.length > 0) {
                inbox.setFlags(messages, new Flags(Flags.Flag.DELETED), true);
            }
            inbox.close(true);
            return subjects;
        });
    }
}
