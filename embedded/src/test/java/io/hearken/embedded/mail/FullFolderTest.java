package io.hearken.embedded.mail;

import static io.hearken.embedded.EmbeddedMail.JOURNAL_ADDRESS;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.user.GreenMailUser;
import io.hearken.embedded.EmbeddedMail;
import io.hearken.embedded.mail.Mailbox.Seen;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full folder makes room a tenth of its limit at a time (at least 1 mail), in one pass over the folder, and so does
 * the limit of all bounded folders together: what it keeps is always the newest mail, never more than the limit plus
 * the tenth, and what it drops leaves memory, disk and the IMAP sessions that have the folder selected.
 */
class FullFolderTest {

    static final String RESIDENT = "flooded@example.com";

    @TempDir
    Path data;

    @Test
    void aFullMailboxDropsItsOldestDownToItsLimitInOnePassPerTenthOfIt() throws Exception {
        Path dir = data.resolve("mail");
        int limit = 50;
        int slack = 5;
        List<Long> expected = new ArrayList<>(); // the model: UIDs the mailbox should hold, oldest first
        int trims = 0;
        Path onDisk;
        try (EmbeddedMail mail = EmbeddedMail.start(dir, EmbeddedMail.limits(limit, 100, 0), 0, 0)) {
            Mailbox.send(mail.smtpPort(), RESIDENT, "m1"); // makes the account
            DurableFolder inbox = inbox(mail, RESIDENT);
            onDisk = inbox.files().dir();
            expected.add(1L);
            for (int n = 2; n <= 20; n++) {
                expected.add(deliver(inbox, "m" + n));
            }
            // A client deletes a few old ones: the UIDs a pass drops are not one run.
            Mailbox.imap(mail.imapPort(), RESIDENT, RESIDENT, store -> {
                Folder f = store.getFolder("INBOX");
                f.open(Folder.READ_WRITE);
                for (int i : new int[] {2, 4, 6}) {
                    f.getMessage(i + 1).setFlag(Flags.Flag.DELETED, true); // uids 3, 5, 7
                }
                f.close(true);
                return null;
            });
            expected.removeAll(List.of(3L, 5L, 7L));

            Store session = Mailbox.connect(mail.imapPort(), RESIDENT, RESIDENT);
            IMAPFolder watching = (IMAPFolder) session.getFolder("INBOX");
            watching.open(Folder.READ_ONLY); // a session that has it selected all along
            for (int n = 21; n <= 202; n++) {
                expected.add(deliver(inbox, "m" + n));
                if (expected.size() >= limit + slack) {
                    expected.subList(0, expected.size() - limit).clear();
                    trims++;
                }
                assertThat(inbox.getMessageCount()).as("after m%d", n).isLessThanOrEqualTo(limit + slack - 1);
                assertThat(Arrays.stream(inbox.getMessageUids()).boxed().toList()).as("the newest, after m%d", n)
                        .isEqualTo(expected);
            }
            assertThat(expected).hasSize(limit + (202 - 3 - limit) % slack);
            assertThat(trims).isEqualTo((202 - 3 - limit) / slack);
            assertThat(inbox.passes()).as("one pass a tenth of the limit, not one a mail").isEqualTo(trims);

            watching.doCommand(p -> {
                p.noop(); // the server tells the session what left meanwhile
                return null;
            });
            assertThat(watching.getMessageCount()).isEqualTo(expected.size());
            watching.close(false);
            session.close();
            assertThat(Mailbox.list(mail.imapPort(), RESIDENT, RESIDENT, "INBOX")).extracting(Seen::uid).isEqualTo(expected);
        }
        assertThat(uidsOnDisk(onDisk)).as("what is dropped from memory is dropped from disk").isEqualTo(expected);

        try (EmbeddedMail again = EmbeddedMail.start(dir, EmbeddedMail.limits(limit, 100, 0), 0, 0)) {
            List<Seen> back = Mailbox.list(again.imapPort(), RESIDENT, RESIDENT, "INBOX");
            assertThat(back).extracting(Seen::uid).isEqualTo(expected);
            assertThat(back).extracting(Seen::subject).last().isEqualTo("m202");
            Mailbox.send(again.smtpPort(), RESIDENT, "after the restart");
            assertThat(Mailbox.list(again.imapPort(), RESIDENT, RESIDENT, "INBOX")).last()
                    .satisfies(m -> assertThat(m.uid()).as("no UID handed out twice").isEqualTo(203));
        }
    }

    @Test
    void allBoundedFoldersTogetherDropTheirOldestInOnePassPerFolderPerTenthOfTheTotal() throws Exception {
        // As in the benchmark: each notice goes to a new resident and to the notifier's journal.
        Path dir = data.resolve("mail");
        int total = 50;
        int notices = 100;
        try (EmbeddedMail mail = EmbeddedMail.start(dir, EmbeddedMail.limits(1_000, 100, total), 0, 0)) {
            for (int i = 1; i <= notices; i++) {
                Mailbox.send(mail.smtpPort(), resident(i) + ", " + JOURNAL_ADDRESS, "n" + i);
            }
            DurableFolder journal = inbox(mail, JOURNAL_ADDRESS);
            // 200 mails kept, 50 + 5 reached for the first time at the 55th: then 5 at a time, 30 times, down to 50.
            assertThat(journal.budget().passes()).as("one pass a tenth of the total, not one a mail").isEqualTo(30);
            assertThat(journal.passes()).as("one pass over the journal each time, not one a mail of it").isEqualTo(30);
            List<String> newest = IntStream.rangeClosed(notices - total / 2 + 1, notices).mapToObj(i -> "n" + i).toList();
            assertThat(subjects(mail, JOURNAL_ADDRESS)).isEqualTo(newest);
            assertThat(subjects(mail, resident(notices - total / 2))).isEmpty();
            assertThat(subjects(mail, resident(notices - total / 2 + 1))).containsExactly("n" + (notices - total / 2 + 1));
            assertThat(subjects(mail, resident(notices))).containsExactly("n" + notices);
        }
        assertThat(DurableMailTest.mailFilesUnder(dir)).isEqualTo(total);
        try (EmbeddedMail again = EmbeddedMail.start(dir, EmbeddedMail.limits(1_000, 100, total), 0, 0)) {
            assertThat(subjects(again, JOURNAL_ADDRESS)).hasSize(total / 2).first().isEqualTo("n" + (notices - total / 2 + 1));
            assertThat(subjects(again, resident(1))).isEmpty();
        }
    }

    private static DurableFolder inbox(EmbeddedMail mail, String address) throws Exception {
        GreenMailUser user = mail.greenMail().getUserManager().getUserByEmail(address);
        return (DurableFolder) mail.greenMail().getManagers().getImapHostManager().getInbox(user);
    }

    /** As the SMTP server delivers a mail (it stores into the folder); returns its UID. */
    private static long deliver(DurableFolder folder, String subject) throws Exception {
        MimeMessage m = new MimeMessage((jakarta.mail.Session) null);
        m.setFrom(new InternetAddress("notifier@hearken.local"));
        m.setSubject(subject);
        m.setText("Mail " + subject);
        return folder.appendMessage(m, new Flags(), new Date());
    }

    private static List<String> subjects(EmbeddedMail mail, String address) throws Exception {
        return Mailbox.list(mail.imapPort(), address, address, "INBOX").stream().map(Seen::subject).toList();
    }

    private static String resident(int i) {
        return "resident" + i + "@example.com";
    }

    /** The UIDs of a folder's mail files, in order. */
    private static List<Long> uidsOnDisk(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".eml"))
                    .map(n -> Long.parseLong(n.substring(0, n.indexOf('.')))).sorted().toList();
        }
    }
}
