package io.hearken.intake.hotline.folder;

import java.nio.charset.StandardCharsets;

/**
 * Names the hotline writes beside a file from the inbox ({@code <name>.error.txt}, {@code <name>.<stamp>.csv}).
 * A name that already uses the 255 bytes most file systems allow would make them fail for ever, so the stem is
 * cut (marked {@code ~}) until name and suffix fit; the extension stays.
 */
final class FileNames {

    static final int MAX_BYTES = 255;

    private FileNames() {
    }

    /** {@code name + suffix}, the stem of {@code name} cut as far as needed to fit in {@link #MAX_BYTES}. */
    static String fit(String name, String suffix) {
        if (bytes(name + suffix) <= MAX_BYTES) {
            return name + suffix;
        }
        int dot = name.lastIndexOf('.');
        String extension = dot > 0 && name.length() - dot <= 16 ? name.substring(dot) : "";
        String stem = name.substring(0, name.length() - extension.length());
        int budget = MAX_BYTES - bytes("~" + extension + suffix);
        StringBuilder kept = new StringBuilder();
        for (int i = 0; i < stem.length(); ) {
            int cp = stem.codePointAt(i);
            String one = new String(Character.toChars(cp));
            if (bytes(kept + one) > budget) {
                break;
            }
            kept.append(one);
            i += Character.charCount(cp);
        }
        return kept + "~" + extension + suffix;
    }

    private static int bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
