package io.hearken.desk.files;

import java.util.Locale;
import java.util.Set;

/**
 * The allow-list of content types the desk serves as they were stored (images, PDF, plain text); anything else goes
 * out as {@code application/octet-stream}. Only the images are shown inline; everything else is a download.
 */
final class ServedTypes {

    static final String OCTET_STREAM = "application/octet-stream";
    private static final Set<String> IMAGES = Set.of("image/jpeg", "image/png", "image/gif", "image/webp");
    private static final Set<String> DOCUMENTS = Set.of("application/pdf", "text/plain");

    private ServedTypes() {
    }

    /** The type without parameters, lower case; null for none. */
    static String bare(String contentType) {
        if (contentType == null) {
            return null;
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    static boolean inline(String contentType) {
        return IMAGES.contains(bare(contentType));
    }

    /** The Content-Type header to send: the stored type when allowed (text always as UTF-8), else octet-stream. */
    static String served(String contentType) {
        String bare = bare(contentType);
        if (IMAGES.contains(bare) || "application/pdf".equals(bare)) {
            return bare;
        }
        return "text/plain".equals(bare) ? "text/plain; charset=UTF-8" : OCTET_STREAM;
    }

    static boolean allowed(String contentType) {
        String bare = bare(contentType);
        return IMAGES.contains(bare) || DOCUMENTS.contains(bare);
    }
}
