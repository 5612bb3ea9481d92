package io.hearken.embedded.mail;

import static io.hearken.embedded.EmbeddedMail.COMPLAINTS_ADDRESS;
import static io.hearken.embedded.EmbeddedMail.COMPLAINTS_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import io.hearken.embedded.EmbeddedMail;
import io.hearken.embedded.mail.Mailbox.Seen;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded mail server keeps accounts, folders, mail, flags and UIDs on disk across a stop and a start. */
class DurableMailTest {

    static final String RESIDENT = "zhang.wei@example.com";

    @TempDir
    Path data;

    @Test
    void mailFoldersFlagsAndUidsComeBackAfterARestart() throws Exception {
        Path dir = data.resolve("mail");
        Map<String, List<Seen>> before;
        long validity;
        try (EmbeddedMail mail = EmbeddedMail.start(dir, EmbeddedMail.limits(1_000, 5_000, 10_000), 0, 0)) {
            for (String subject : List.of("one", "two", "three", "four", "five", "six")) {
                Mailbox.send(mail.smtpPort(), COMPLAINTS_ADDRESS + ", " + RESIDENT, subject);
            }
            Mailbox.imap(mail.imapPort(), COMPLAINTS_ADDRESS, COMPLAINTS_PASSWORD, store -> {
                Folder processed = store.getFolder("Processed");
                processed.create(Folder.HOLDS_MESSAGES);
                Folder quarantine = store.getFolder("Quarantine");
                quarantine.create(Folder.HOLDS_MESSAGES);
                IMAPFolder inbox = (IMAPFolder) store.getFolder("INBOX");
                inbox.open(Folder.READ_WRITE);
                Message[] m = inbox.getMessages();
                // What the email intake does with a complaint: flag it seen, move it out.
                inbox.setFlags(new Message[] {m[0], m[1]}, new Flags(Flags.Flag.SEEN), true);
                inbox.moveMessages(new Message[] {m[0], m[1]}, processed);
                // ... and with an unreadable mail: append a copy to the quarantine, delete and expunge the original.
                MimeMessage copy = new MimeMessage((MimeMessage) m[2]);
                copy.setFlag(Flags.Flag.SEEN, true);
                quarantine.appendMessages(new Message[] {copy});
                m[2].setFlag(Flags.Flag.DELETED, true);
                inbox.expunge();
                // A mail read by someone, one flagged, one marked deleted but not expunged, one copied.
                m[3].setFlag(Flags.Flag.SEEN, true);
                m[4].setFlag(Flags.Flag.FLAGGED, true);
                m[5].setFlags(new Flags("hearken-keyword"), true);
                inbox.copyMessages(new Message[] {m[3]}, quarantine);
                m[5].setFlag(Flags.Flag.DELETED, true);
                inbox.close(false);
                return null;
            });
            before = everything(mail);
            validity = Mailbox.uidValidity(mail.imapPort(), COMPLAINTS_ADDRESS, COMPLAINTS_PASSWORD, "INBOX");
        }
        assertThat(before.get("INBOX")).extracting(Seen::subject, Seen::flags)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("four", "Seen"), org.assertj.core.groups.Tuple.tuple("five", "Flagged"),
                        org.assertj.core.groups.Tuple.tuple("six", "Deleted hearken-keyword"));
        assertThat(before.get("Processed")).extracting(Seen::subject).containsExactly("one", "two");
        assertThat(before.get("Quarantine")).extracting(Seen::subject).containsExactly("three", "four");
        assertThat(before.get(RESIDENT)).hasSize(6);

        try (EmbeddedMail again = EmbeddedMail.start(dir, EmbeddedMail.limits(1_000, 5_000, 10_000), 0, 0)) {
            assertThat(everything(again)).isEqualTo(before);
            assertThat(Mailbox.uidValidity(again.imapPort(), COMPLAINTS_ADDRESS, COMPLAINTS_PASSWORD, "INBOX")).isEqualTo(validity);
            // New mail goes on from the UIDs the mailbox had: none is handed out twice.
            Mailbox.send(again.smtpPort(), COMPLAINTS_ADDRESS, "seven");
            List<Seen> inbox = Mailbox.list(again.imapPort(), COMPLAINTS_ADDRESS, COMPLAINTS_PASSWORD, "INBOX");
            assertThat(inbox.get(inbox.size() - 1).uid()).isEqualTo(7);

            // GreenMail's own stop and start (as the email intake's outage test does) also keeps the mail.
            again.greenMail().stop();
            again.greenMail().start();
            assertThat(Mailbox.list(again.imapPort(), COMPLAINTS_ADDRESS, COMPLAINTS_PASSWORD, "INBOX"))
                    .extracting(Seen::subject).containsExactly("four", "five", "six", "seven");
            assertThat(Mailbox.list(again.imapPort(), RESIDENT, RESIDENT, "INBOX")).hasSize(6);
        }
    }

    @Test
    void aMailboxKeepsItsNewestMailUpToItsLimitButTheComplaintsInboxKeepsAll() throws Exception {
        Path dir = data.resolve("mail");
        try (EmbeddedMail mail = EmbeddedMail.start(dir, EmbeddedMail.limits(3, 2, 0), 0, 0)) {
            for (int i = 1; i <= 5; i++) {
                Mailbox.send(mail.smtpPort(), COMPLAINTS_ADDRESS + ", " + RESIDENT, "m" + i);
            }
            assertThat(subjects(mail, RESIDENT, RESIDENT, "INBOX")).containsExactly("m3", "m4", "m5");
            assertThat(subjects(mail, COMPLAINTS_ADDRESS, COMPLAINTS_PASSWORD, "INBOX")).containsExactly("m1", "m2", "m3", "m4", "m5");

            Mailbox.imap(mail.imapPort(), COMPLAINTS_ADDRESS, COMPLAINTS_PASSWORD, store -> {
                Folder processed = store.getFolder("Processed");
                processed.create(Folder.HOLDS_MESSAGES);
                IMAPFolder inbox = (IMAPFolder) store.getFolder("INBOX");
                inbox.open(Folder.READ_WRITE);
                inbox.moveMessages(inbox.getMessages(), processed);
                inbox.close(false);
                return null;
            });
            assertThat(subjects(mail, COMPLAINTS_ADDRESS, COMPLAINTS_PASSWORD, "Processed")).containsExactly("m4", "m5");
            assertThat(subjects(mail, COMPLAINTS_ADDRESS, COMPLAINTS_PASSWORD, "INBOX")).isEmpty();
        }
        assertThat(mailFilesUnder(dir)).as("what is dropped from memory is dropped from disk").isEqualTo(3 + 2);
        try (EmbeddedMail again = EmbeddedMail.start(dir, EmbeddedMail.limits(3, 2, 0), 0, 0)) {
            assertThat(subjects(again, RESIDENT, RESIDENT, "INBOX")).containsExactly("m3", "m4", "m5");
            assertThat(subjects(again, COMPLAINTS_ADDRESS, COMPLAINTS_PASSWORD, "Processed")).containsExactly("m4", "m5");
        }
    }

    @Test
    void allBoundedMailboxesTogetherKeepTheNewestMailUpToTheTotal() throws Exception {
        Path dir = data.resolve("mail");
        try (EmbeddedMail mail = EmbeddedMail.start(dir, EmbeddedMail.limits(100, 100, 4), 0, 0)) {
            for (int i = 1; i <= 6; i++) {
                Mailbox.send(mail.smtpPort(), COMPLAINTS_ADDRESS + ", resident" + i + "@example.com", "r" + i);
            }
            assertThat(subjects(mail, "resident1@example.com", "resident1@example.com", "INBOX")).isEmpty();
            assertThat(subjects(mail, "resident2@example.com", "resident2@example.com", "INBOX")).isEmpty();
            for (int i = 3; i <= 6; i++) {
                assertThat(subjects(mail, "resident" + i + "@example.com", "resident" + i + "@example.com", "INBOX")).containsExactly("r" + i);
            }
            assertThat(subjects(mail, COMPLAINTS_ADDRESS, COMPLAINTS_PASSWORD, "INBOX")).hasSize(6);
        }
        assertThat(mailFilesUnder(dir)).isEqualTo(4 + 6);
        try (EmbeddedMail again = EmbeddedMail.start(dir, EmbeddedMail.limits(100, 100, 3), 0, 0)) {
            // A lower total at the next start drops the oldest of what was kept.
            assertThat(subjects(again, "resident3@example.com", "resident3@example.com", "INBOX")).isEmpty();
            assertThat(subjects(again, "resident6@example.com", "resident6@example.com", "INBOX")).containsExactly("r6");
            assertThat(subjects(again, COMPLAINTS_ADDRESS, COMPLAINTS_PASSWORD, "INBOX")).hasSize(6);
        }
        assertThat(mailFilesUnder(dir)).isEqualTo(3 + 6);
    }

    /** Every folder of both accounts (the resident's INBOX under the resident's address). */
    private static Map<String, List<Seen>> everything(EmbeddedMail mail) throws Exception {
        Map<String, List<Seen>> all = new LinkedHashMap<>();
        for (String folder : List.of("INBOX", "Processed", "Quarantine")) {
            all.put(folder, Mailbox.list(mail.imapPort(), COMPLAINTS_ADDRESS, COMPLAINTS_PASSWORD, folder));
        }
        all.put(RESIDENT, Mailbox.list(mail.imapPort(), RESIDENT, RESIDENT, "INBOX"));
        return all;
    }

    private static List<String> subjects(EmbeddedMail mail, String user, String password, String folder) throws Exception {
        return Mailbox.list(mail.imapPort(), user, password, folder).stream().map(Seen::subject).toList();
    }

    static long mailFilesUnder(Path dir) throws Exception {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".eml")).count();
        }
    }
}
