package io.hearken.app.docs;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.util.unit.DataSize;

/** A setting's value as the docs write it and as the code does: {@code 60s} and {@code 1m} are one value. */
final class WrittenValues {

    private static final Pattern SIMPLE_DURATION = Pattern.compile("(\\d+)\\s*(ms|s|min|m|h|d)");

    private WrittenValues() {
    }

    /** Equal as text (any case), as durations ({@code 60s} = {@code 1m}) or as data sizes ({@code 1024KB} = {@code 1MB}). */
    static boolean same(String written, String code) {
        if (written.equalsIgnoreCase(code)) {
            return true;
        }
        Duration a = duration(written);
        if (a != null) {
            return a.equals(duration(code));
        }
        try {
            return DataSize.parse(written.replace(" ", "")).equals(DataSize.parse(code));
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static Duration duration(String text) {
        Matcher simple = SIMPLE_DURATION.matcher(text.strip());
        if (simple.matches()) {
            long n = Long.parseLong(simple.group(1));
            return switch (simple.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m", "min" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        }
        try {
            return Duration.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
