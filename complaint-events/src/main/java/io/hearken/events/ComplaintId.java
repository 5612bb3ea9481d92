package io.hearken.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A complaint's tracking id, e.g. {@code HK-7K2M-9QXD}: also the Kafka key of every event about it.
 * The alphabet has no 0/O and no 1/I, so the id can be read out on the phone.
 */
public record ComplaintId(String value) {

    public static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    public static final Pattern FORMAT = Pattern.compile("HK-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}");
    /** Finds an id inside free text such as a mail subject {@code Re: [HK-7K2M-9QXD] ...}. */
    public static final Pattern IN_TEXT = Pattern.compile("\\bHK-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}\\b");

    public ComplaintId {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("not a tracking id (expected e.g. HK-7K2M-9QXD): " + value);
        }
    }

    /** Accepts what people type: any case, spaces or no dashes ("hk 7k2m 9qxd", "HK7K2M9QXD"). */
    @JsonCreator
    public static ComplaintId of(String text) {
        if (text == null) {
            throw new IllegalArgumentException("tracking id is missing");
        }
        String compact = text.strip().toUpperCase(Locale.ROOT).replaceAll("[\\s\\-_]", "");
        if (compact.length() == 10 && compact.startsWith("HK")) {
            return new ComplaintId("HK-" + compact.substring(2, 6) + "-" + compact.substring(6));
        }
        return new ComplaintId(text.strip());
    }

    /** {@code true} when {@link #of(String)} would accept the text. */
    public static boolean isValid(String text) {
        try {
            of(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
