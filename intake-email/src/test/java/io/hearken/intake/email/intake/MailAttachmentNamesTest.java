package io.hearken.intake.email.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearken.events.Attachment;
import io.hearken.events.ComplaintId;
import io.hearken.intake.email.mime.MailFile;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Abuse probe: the file names a mail's sender chooses for its attachments (traversal, absolute paths, NUL, a
 * right-to-left override, 300 Chinese characters) are stored inside {@code <dir>/<complaint id>/} and fit a file
 * system's 255 bytes; nothing is written anywhere else; the name recorded for staff is cleaned of them too.
 */
class MailAttachmentNamesTest {

    @TempDir
    Path root;

    @Test
    void hostileNamesAreStoredInsideTheComplaintsFolder() throws Exception {
        Path dir = root.resolve("attachments");
        AttachmentStore store = new AttachmentStore(dir);
        ComplaintId id = ComplaintId.of("HK-7K2M-9QXD");
        String[] names = {"../../../../etc/passwd", "..\\..\\windows\\win.ini", "/etc/shadow", "..", "a\u0000b.png",
                "C:\\x.pdf", "invoice\u202Egnp.exe", "漏水".repeat(150) + ".jpg", "%2e%2e%2f.txt"};
        int i = 0;
        for (String name : names) {
            Attachment a = store.store(id, new MailFile(name, "application/octet-stream",
                    ("file " + i++).getBytes(StandardCharsets.UTF_8), false));
            Path file = Path.of(URI.create(a.location())).normalize();
            assertThat(file.getParent()).isEqualTo(dir.toAbsolutePath().normalize().resolve(id.value()));
            assertThat(file).exists();
            String stored = file.getFileName().toString();
            assertThat(stored.getBytes(StandardCharsets.UTF_8).length).as(name).isLessThanOrEqualTo(255);
            assertThat(stored).doesNotContain("/", "\\", "\u0000", "\u202E");
            // The name staff see on the desk is cleaned the same way as the web's and the desk's own (FileNames).
            assertThat(a.fileName()).as(name).doesNotContain("/", "\\", "\u0000", "\u202E").isNotIn("", ".", "..");
        }
        assertThat(Path.of(URI.create(store.store(id, new MailFile("漏水".repeat(150) + ".jpg", "image/jpeg",
                new byte[] {1}, false)).location())).getFileName().toString()).endsWith("漏水.jpg");
        try (Stream<Path> everything = Files.walk(root)) {
            assertThat(everything.filter(Files::isRegularFile))
                    .allSatisfy(f -> assertThat(f).startsWith(dir.resolve(id.value())));
        }
    }
}
