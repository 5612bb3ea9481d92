package io.hearken.intake.web.attachments;

import io.hearken.events.files.FileKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.web.multipart.MultipartFile;

/**
 * Which uploads residents may send: photos (JPEG, PNG, GIF, WebP, and HEIC from iPhones) and PDF, each proved by its
 * first bytes ({@link FileKind}, never the name or the browser's claim: a script renamed {@code .jpg} is refused),
 * and the name shown for them.
 */
final class AcceptedFiles {

    static final Set<FileKind> KINDS = EnumSet.of(FileKind.JPEG, FileKind.PNG, FileKind.GIF, FileKind.WEBP,
            FileKind.HEIC, FileKind.PDF);

    private AcceptedFiles() {
    }

    /** The kind its first bytes prove, or null when it is not one residents may send. */
    static FileKind sniff(MultipartFile file) {
        try (InputStream in = file.getInputStream()) {
            return FileKind.of(in, KINDS).orElse(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
