package io.hearken.intake.hotline.parsing;

import java.util.Locale;
import java.util.Optional;

/** The three documented formats (docs/channels/hotline.md). */
public enum TranscriptFormat {
    JSON, CSV, TEXT;

    /** By file name: {@code .json}, {@code .csv}, {@code .txt}. */
    public static Optional<TranscriptFormat> ofFileName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.endsWith(".json")) {
            return Optional.of(JSON);
        }
        if (n.endsWith(".csv")) {
            return Optional.of(CSV);
        }
        if (n.endsWith(".txt")) {
            return Optional.of(TEXT);
        }
        return Optional.empty();
    }

    /** By a {@code format} parameter or a media type ({@code application/json}, {@code text/csv}, {@code text/plain}). */
    public static Optional<TranscriptFormat> of(String formatOrMediaType) {
        if (formatOrMediaType == null || formatOrMediaType.isBlank()) {
            return Optional.empty();
        }
        String v = formatOrMediaType.toLowerCase(Locale.ROOT).strip();
        int semicolon = v.indexOf(';');
        if (semicolon >= 0) {
            v = v.substring(0, semicolon).strip();
        }
        return switch (v) {
            case "json", "application/json" -> Optional.of(JSON);
            case "csv", "text/csv", "application/csv", "application/vnd.ms-excel" -> Optional.of(CSV);
            case "text", "txt", "text/plain" -> Optional.of(TEXT);
            default -> Optional.empty();
        };
    }
}
