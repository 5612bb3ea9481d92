package io.hearken.intake.web.attachments;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** File types by their first bytes, never by name; names reduced to a safe last segment. */
class AttachmentSniffingTest {

    static String sniff(byte[] bytes) {
        return AcceptedFiles.sniff(bytes, bytes.length);
    }

    @Test
    void acceptedKindsAreRecognisedByMagicBytes() {
        assertThat(sniff(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0})).isEqualTo("image/jpeg");
        assertThat(sniff(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A})).isEqualTo("image/png");
        assertThat(sniff("GIF89a....".getBytes(StandardCharsets.US_ASCII))).isEqualTo("image/gif");
        assertThat(sniff("RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.US_ASCII))).isEqualTo("image/webp");
        assertThat(sniff("\0\0\0\u0018ftypheic".getBytes(StandardCharsets.US_ASCII))).isEqualTo("image/heic");
        assertThat(sniff("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII))).isEqualTo("application/pdf");
    }

    @Test
    void anythingElseIsRefusedWhateverItsName() {
        assertThat(sniff("MZ\u0090\0 executable".getBytes(StandardCharsets.ISO_8859_1))).isNull();
        assertThat(sniff("<svg xmlns=".getBytes(StandardCharsets.US_ASCII))).isNull();
        assertThat(sniff("<html><script>".getBytes(StandardCharsets.US_ASCII))).isNull();
        assertThat(sniff(new byte[0])).isNull();
    }

    @Test
    void fileNamesKeepOnlyTheirLastSegment() {
        assertThat(AcceptedFiles.safeName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(AcceptedFiles.safeName("C:\\Users\\me\\漏水.jpg")).isEqualTo("漏水.jpg");
        assertThat(AcceptedFiles.safeName("a\u0000b.png")).isEqualTo("ab.png");
        assertThat(AcceptedFiles.safeName(null)).isEqualTo("attachment");
    }
}
