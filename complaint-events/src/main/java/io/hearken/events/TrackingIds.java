package io.hearken.events;

import java.security.SecureRandom;

/**
 * Generates tracking ids with no coordination between instances: 40 random bits from a
 * {@link SecureRandom}, written as 8 symbols of a 32-symbol alphabet. See docs/events.md for the
 * collision arithmetic and why intake adapters check a fresh id against the read model.
 */
public final class TrackingIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private TrackingIds() {
    }

    public static ComplaintId next() {
        return fromBits(RANDOM.nextLong());
    }

    /** The id written from the low 40 bits of {@code bits} (e.g. of a keyed hash, for an id a retry must meet again). */
    public static ComplaintId fromBits(long bits) {
        bits &= 0xFF_FFFF_FFFFL; // 40 bits
        char[] symbols = new char[8];
        for (int i = 7; i >= 0; i--) {
            symbols[i] = ComplaintId.ALPHABET.charAt((int) (bits & 31));
            bits >>>= 5;
        }
        String s = new String(symbols);
        return new ComplaintId("HK-" + s.substring(0, 4) + "-" + s.substring(4));
    }
}
