package io.hearken.events.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The kinds of file Hearken keeps, each proved by the file's first bytes (its magic number), never by its name or
 * the type its sender declared: a program named {@code photo.png} is none of them. Each module chooses the kinds it
 * accepts (the web form: photos and PDF; the desk: also plain text) and how it answers the others. Files are served
 * back only as the kind they were proved to be, with {@code X-Content-Type-Options: nosniff}, so a browser never
 * guesses a different one.
 */
public enum FileKind {

    JPEG("image/jpeg", "jpg", true),
    PNG("image/png", "png", true),
    GIF("image/gif", "gif", true),
    WEBP("image/webp", "webp", true),
    /** iPhone photos; most browsers cannot show them, so they are never inline. */
    HEIC("image/heic", "heic", false),
    PDF("application/pdf", "pdf", false),
    /** UTF-8 without control characters (but tab and line breaks), proved by the whole content, not a prefix. */
    TEXT("text/plain", "txt", false);

    /** How many first bytes decide every kind but {@link #TEXT}. */
    public static final int HEAD = 16;

    private final String contentType;
    private final String extension;
    private final boolean inline;

    FileKind(String contentType, String extension, boolean inline) {
        this.contentType = contentType;
        this.extension = extension;
        this.inline = inline;
    }

    /** The content type it is stored and served as, e.g. {@code image/png}. */
    public String contentType() {
        return contentType;
    }

    /** The file name extension it is stored under, without the dot. */
    public String extension() {
        return extension;
    }

    /** Whether a browser may show it as an image in the page (a picture it can draw, running nothing). */
    public boolean inline() {
        return inline;
    }

    /**
     * The kind the content proves, among {@code accepted}; reads the stream (to its end only when {@link #TEXT} is
     * accepted and no magic number matched: check the size first). The caller closes the stream.
     */
    public static Optional<FileKind> of(InputStream content, Set<FileKind> accepted) throws IOException {
        byte[] head = content.readNBytes(HEAD);
        Optional<FileKind> proved = ofHead(head, head.length);
        if (proved.isPresent() || !accepted.contains(TEXT)) {
            return proved.filter(accepted::contains);
        }
        byte[] rest = content.readAllBytes();
        byte[] all = Arrays.copyOf(head, head.length + rest.length);
        System.arraycopy(rest, 0, all, head.length, rest.length);
        return isText(all) ? Optional.of(TEXT) : Optional.empty();
    }

    /** The kind the first {@code n} bytes prove by their magic number; never {@link #TEXT} (it has none). */
    public static Optional<FileKind> ofHead(byte[] b, int n) {
        if (starts(b, n, 0xFF, 0xD8, 0xFF)) {
            return Optional.of(JPEG);
        }
        if (starts(b, n, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of(PNG);
        }
        if (starts(b, n, 'G', 'I', 'F', '8', '7', 'a') || starts(b, n, 'G', 'I', 'F', '8', '9', 'a')) {
            return Optional.of(GIF);
        }
        if (starts(b, n, 'R', 'I', 'F', 'F') && n >= 12 && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P') {
            return Optional.of(WEBP);
        }
        if (n >= 12 && b[4] == 'f' && b[5] == 't' && b[6] == 'y' && b[7] == 'p' && b[8] == 'h' && b[9] == 'e'
                && (b[10] == 'i' || b[10] == 'v')) {
            return Optional.of(HEIC); // ISO base media "ftyp" box, brand heic/heix/hevc/hevx
        }
        if (starts(b, n, '%', 'P', 'D', 'F', '-')) {
            return Optional.of(PDF);
        }
        return Optional.empty();
    }

    /** The kind a stored or declared content type names (parameters and case ignored); empty for any other. */
    public static Optional<FileKind> ofContentType(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        int semicolon = contentType.indexOf(';');
        String bare = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip()
                .toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(k -> k.contentType.equals(bare)).findFirst();
    }

    private static boolean isText(byte[] bytes) {
        try {
            String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return !s.isEmpty() && s.chars().noneMatch(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f');
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static boolean starts(byte[] b, int n, int... magic) {
        if (n < magic.length || b.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((b[i] & 0xff) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
