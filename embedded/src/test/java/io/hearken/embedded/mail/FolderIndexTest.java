package io.hearken.embedded.mail;

import static io.hearken.embedded.EmbeddedMail.COMPLAINTS_ADDRESS;
import static io.hearken.embedded.EmbeddedMail.COMPLAINTS_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import io.hearken.embedded.EmbeddedMail;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The durable store finds folders through its own index of names (GreenMail searches every sibling): accounts
 * made on the fly, folders created, renamed, deleted and created again, names in another case, and all of it
 * after a restart, are found as GreenMail would find them.
 */
class FolderIndexTest {

    @TempDir
    Path data;

    @Test
    void accountsAndFoldersAreFoundByNameBeforeAndAfterARestart() throws Exception {
        Path dir = data.resolve("mail");
        String residents = IntStream.rangeClosed(1, 300).mapToObj(i -> "resident" + i + "@example.com")
                .collect(Collectors.joining(", "));
        try (EmbeddedMail mail = EmbeddedMail.start(dir, EmbeddedMail.limits(1_000, 5_000, 100_000), 0, 0)) {
            Mailbox.send(mail.smtpPort(), residents, "one for each of 300 new accounts");
            assertThat(Mailbox.list(mail.imapPort(), "resident1@example.com", "resident1@example.com", "INBOX")).hasSize(1);
            assertThat(Mailbox.list(mail.imapPort(), "resident300@example.com", "resident300@example.com", "INBOX")).hasSize(1);

            Mailbox.send(mail.smtpPort(), COMPLAINTS_ADDRESS, "kept");
            Mailbox.imap(mail.imapPort(), COMPLAINTS_ADDRESS, COMPLAINTS_PASSWORD, store -> {
                assertThat(store.getFolder("Archive").create(Folder.HOLDS_MESSAGES)).isTrue();
                assertThat(store.getFolder("ARCHIVE").exists()).as("names ignore case, as in GreenMail").isTrue();
                assertThat(store.getFolder("Archive").create(Folder.HOLDS_MESSAGES)).as("no second of one name").isFalse();
                Folder inbox = store.getFolder("INBOX");
                inbox.open(Folder.READ_WRITE);
                inbox.copyMessages(inbox.getMessages(), store.getFolder("archive"));
                inbox.close(false);
                assertThat(store.getFolder("Archive").renameTo(store.getFolder("Old"))).isTrue();
                assertThat(store.getFolder("Archive").exists()).isFalse();
                assertThat(count(store.getFolder("Old"))).isEqualTo(1);
                assertThat(store.getFolder("Spam").create(Folder.HOLDS_MESSAGES)).isTrue();
                assertThat(store.getFolder("Spam").delete(false)).isTrue();
                assertThat(store.getFolder("Spam").exists()).isFalse();
                assertThat(store.getFolder("Spam").create(Folder.HOLDS_MESSAGES)).as("created again after its delete").isTrue();
                return null;
            });
        }
        try (EmbeddedMail again = EmbeddedMail.start(dir, EmbeddedMail.limits(1_000, 5_000, 100_000), 0, 0)) {
            // A known address gets its mail in the account it had, not in a second one.
            Mailbox.send(again.smtpPort(), "resident150@example.com, resident301@example.com", "after the restart");
            assertThat(Mailbox.list(again.imapPort(), "resident150@example.com", "resident150@example.com", "INBOX")).hasSize(2);
            assertThat(Mailbox.list(again.imapPort(), "resident301@example.com", "resident301@example.com", "INBOX")).hasSize(1);
            Mailbox.imap(again.imapPort(), COMPLAINTS_ADDRESS, COMPLAINTS_PASSWORD, store -> {
                assertThat(store.getFolder("old").exists()).isTrue();
                assertThat(count(store.getFolder("Old"))).isEqualTo(1);
                assertThat(store.getFolder("Archive").exists()).isFalse();
                assertThat(store.getFolder("Spam").exists()).isTrue();
                return null;
            });
        }
    }

    private static int count(Folder folder) throws MessagingException {
        folder.open(Folder.READ_ONLY);
        try {
            return folder.getMessageCount();
        } finally {
            folder.close(false);
        }
    }
}
