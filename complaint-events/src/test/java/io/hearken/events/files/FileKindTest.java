package io.hearken.events.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each kind proved by its first bytes, never by a name or a declared type; a disguised file is none of them. */
class FileKindTest {

    private static final Set<FileKind> ALL = EnumSet.allOf(FileKind.class);

    static Optional<FileKind> of(byte[] bytes, Set<FileKind> accepted) throws IOException {
        return FileKind.of(new ByteArrayInputStream(bytes), accepted);
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void eachKindIsRecognisedByItsMagicNumber() throws IOException {
        assertThat(of(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10}, ALL)).contains(FileKind.JPEG);
        assertThat(of(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13}, ALL))
                .contains(FileKind.PNG);
        assertThat(of(ascii("GIF87a...."), ALL)).contains(FileKind.GIF);
        assertThat(of(ascii("GIF89a...."), ALL)).contains(FileKind.GIF);
        assertThat(of(ascii("RIFF\0\0\0\0WEBPVP8 "), ALL)).contains(FileKind.WEBP);
        assertThat(of(ascii("\0\0\0\u0018ftypheic"), ALL)).contains(FileKind.HEIC);
        assertThat(of(ascii("\0\0\0\u0018ftyphevc"), ALL)).contains(FileKind.HEIC);
        assertThat(of(ascii("%PDF-1.7\n%âãÏÓ"), ALL)).contains(FileKind.PDF);
        assertThat(of("电表读数 1234.5\n第二行\tend\r\n".getBytes(StandardCharsets.UTF_8), ALL)).contains(FileKind.TEXT);
    }

    @Test
    void aDisguisedFileIsRefused() throws IOException {
        // An executable named photo.png (declared image/png): its bytes say MZ, which is no accepted kind.
        assertThat(of(ascii("MZ\u0090\0\u0003\0\0\0\u0004\0\0\0\u00ff\u00ff\0\0"), ALL)).isEmpty();
        assertThat(of(ascii("\u007fELF\u0002\u0001\u0001\0"), ALL)).isEmpty();
        // Script that a browser would run if it guessed: SVG and HTML are not images here, nor text with markup
        // when text is not accepted.
        Set<FileKind> photos = EnumSet.of(FileKind.JPEG, FileKind.PNG, FileKind.GIF, FileKind.WEBP);
        assertThat(of(ascii("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>"), photos)).isEmpty();
        assertThat(of(ascii("<html><script>alert(1)</script>"), photos)).isEmpty();
        assertThat(of(ascii("GIF8"), photos)).isEmpty(); // a truncated header (as text it would be text)
        assertThat(of(ascii("RIFF\0\0\0\0WAVEfmt "), ALL)).isEmpty();
        assertThat(of(new byte[0], ALL)).isEmpty();
    }

    @Test
    void onlyTheAcceptedKindsAreAnswered() throws IOException {
        Set<FileKind> desk = EnumSet.of(FileKind.JPEG, FileKind.PDF, FileKind.TEXT);
        assertThat(of(ascii("\0\0\0\u0018ftypheic"), desk)).isEmpty();
        assertThat(of(ascii("%PDF-1.4"), EnumSet.of(FileKind.JPEG))).isEmpty();
        assertThat(of("plain words".getBytes(StandardCharsets.UTF_8), EnumSet.of(FileKind.PDF))).isEmpty();
    }

    @Test
    void textIsProvedByTheWholeContentNotItsBeginning() throws IOException {
        byte[] tail = ascii("a readable start, then\u0000a NUL at byte 24");
        assertThat(of(tail, ALL)).isEmpty();
        byte[] broken = new byte[40];
        java.util.Arrays.fill(broken, (byte) 'a');
        broken[30] = (byte) 0xC3; // a lone UTF-8 lead byte: not text
        assertThat(of(broken, ALL)).isEmpty();
    }

    @Test
    void aDeclaredTypeNamesAKindOnlyWhenItIsOneOfThem() {
        assertThat(FileKind.ofContentType("IMAGE/PNG")).contains(FileKind.PNG);
        assertThat(FileKind.ofContentType("text/plain; charset=GBK")).contains(FileKind.TEXT);
        assertThat(FileKind.ofContentType("text/html")).isEmpty();
        assertThat(FileKind.ofContentType("image/svg+xml")).isEmpty();
        assertThat(FileKind.ofContentType(null)).isEmpty();
        assertThat(FileKind.PNG.inline()).isTrue();
        assertThat(FileKind.HEIC.inline()).isFalse();
        assertThat(FileKind.PDF.inline()).isFalse();
        assertThat(FileKind.JPEG.extension()).isEqualTo("jpg");
    }
}
