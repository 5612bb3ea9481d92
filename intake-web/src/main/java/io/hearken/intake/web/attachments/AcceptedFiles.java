package io.hearken.intake.web.attachments;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springframework.web.multipart.MultipartFile;

/**
 * Which uploads are accepted, decided by their first bytes (never by the name or the browser's claim: a script
 * renamed {@code .jpg} is refused), the extension they are stored under, and the name shown for them.
 */
final class AcceptedFiles {

    private AcceptedFiles() {
    }

    /** The content type by magic bytes, or null when it is not an accepted kind. */
    static String sniff(MultipartFile file) {
        byte[] head = new byte[16];
        int n;
        try (InputStream in = file.getInputStream()) {
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sniff(head, n);
    }

    static String sniff(byte[] b, int n) {
        if (n >= 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF) {
            return "image/jpeg";
        }
        if (n >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G' && b[4] == 0x0D
                && b[5] == 0x0A && b[6] == 0x1A && b[7] == 0x0A) {
            return "image/png";
        }
        if (n >= 6 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F' && b[3] == '8' && (b[4] == '7' || b[4] == '9')
                && b[5] == 'a') {
            return "image/gif";
        }
        if (n >= 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F' && b[8] == 'W' && b[9] == 'E'
                && b[10] == 'B' && b[11] == 'P') {
            return "image/webp";
        }
        if (n >= 12 && b[4] == 'f' && b[5] == 't' && b[6] == 'y' && b[7] == 'p' && b[8] == 'h' && b[9] == 'e'
                && (b[10] == 'i' || b[10] == 'v')) {
            return "image/heic";
        }
        if (n >= 5 && b[0] == '%' && b[1] == 'P' && b[2] == 'D' && b[3] == 'F' && b[4] == '-') {
            return "application/pdf";
        }
        return null;
    }

    static String extension(String type) {
        return switch (type) {
            case "image/jpeg" -> ".jpg";
            case "image/png" -> ".png";
            case "image/gif" -> ".gif";
            case "image/webp" -> ".webp";
            case "image/heic" -> ".heic";
            default -> ".pdf";
        };
    }

    /**
     * Only the last path segment, no control or invisible format characters (a right-to-left override makes
     * {@code invoice\u202Egnp.exe} look like {@code invoiceexe.png}), not {@code .} or {@code ..}, at most 200 characters.
     */
    static String safeName(String name) {
        if (name == null || name.isBlank()) {
            return "attachment";
        }
        String base = name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\\p{Cf}]", "").strip();
        base = base.length() > 200 ? base.substring(0, 200) : base;
        return base.isBlank() || base.chars().allMatch(c -> c == '.') ? "attachment" : base;
    }
}
