package io.hearken.desk.files;

import io.hearken.events.files.FileKind;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The allow-list of kinds the desk serves as they were stored (photos a browser can show, PDF, plain text); anything
 * else (a HEIC photo, whatever a mail declared) goes out as {@code application/octet-stream}. Only the images a
 * browser draws are shown inline ({@link FileKind#inline()}); everything else is a download.
 */
final class ServedTypes {

    static final String OCTET_STREAM = "application/octet-stream";
    /** Also what staff may attach: photos, PDF, plain text (a meter reading, a note). */
    static final Set<FileKind> KINDS = EnumSet.of(FileKind.JPEG, FileKind.PNG, FileKind.GIF, FileKind.WEBP,
            FileKind.PDF, FileKind.TEXT);

    private ServedTypes() {
    }

    static boolean inline(String contentType) {
        return served(contentType).map(FileKind::inline).orElse(false);
    }

    /** The Content-Type header to send: the stored type when allowed (text always as UTF-8), else octet-stream. */
    static String header(String contentType) {
        return served(contentType).map(k -> k == FileKind.TEXT ? "text/plain; charset=UTF-8" : k.contentType())
                .orElse(OCTET_STREAM);
    }

    private static Optional<FileKind> served(String contentType) {
        return FileKind.ofContentType(contentType).filter(KINDS::contains);
    }
}
