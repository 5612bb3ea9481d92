package io.hearken.intake.web.attachments;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearken.events.files.FileKind;
import java.nio.charset.StandardCharsets;
import io.hearken.events.files.FileNames;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;

/**
 * What residents may send, by first bytes (the recognition itself: FileKindTest in complaint-events), never by name;
 * names reduced to a safe last segment.
 */
class AttachmentSniffingTest {

    static FileKind sniff(String name, String declared, byte[] bytes) {
        return AcceptedFiles.sniff(new MockMultipartFile("attachments", name, declared, bytes));
    }

    @Test
    void photosAndPdfAreAccepted() {
        assertThat(sniff("a.jpg", "image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}))
                .isEqualTo(FileKind.JPEG);
        assertThat(sniff("IMG_0001.HEIC", "image/heic", "\0\0\0\u0018ftypheic".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo(FileKind.HEIC);
        assertThat(sniff("scan", "application/octet-stream", "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo(FileKind.PDF);
    }

    @Test
    void anythingElseIsRefusedWhateverItsNameOrDeclaredType() {
        assertThat(sniff("photo.png", "image/png", "MZ\u0090\0 executable".getBytes(StandardCharsets.ISO_8859_1)))
                .isNull();
        assertThat(sniff("map.svg", "image/svg+xml", "<svg xmlns=".getBytes(StandardCharsets.US_ASCII))).isNull();
        assertThat(sniff("a.jpg", "image/jpeg", "<html><script>".getBytes(StandardCharsets.US_ASCII))).isNull();
        // Plain text is the desk's, not the residents': their words go in the form.
        assertThat(sniff("note.txt", "text/plain", "漏水".getBytes(StandardCharsets.UTF_8))).isNull();
    }

    @Test
    void fileNamesKeepOnlyTheirLastSegment() {
        assertThat(FileNames.clean("../../etc/passwd")).isEqualTo("passwd");
        assertThat(FileNames.clean("C:\\Users\\me\\漏水.jpg")).isEqualTo("漏水.jpg");
        assertThat(FileNames.clean("a\u0000b.png")).isEqualTo("ab.png");
        assertThat(FileNames.clean(null)).isEqualTo("attachment");
    }
}
