package io.hearken.router.streams;

import io.hearken.events.ComplaintId;
import io.hearken.router.history.HistoryEntry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The keys of {@code router.history} and of its global store. On the topic an entry is one record, {@code h|<id>}
 * (a tombstone deletes it). The store's loader ({@link HistoryLoader}) keeps it there too and derives from it the keys
 * a look-up reads, one range per kind of match, the time (epoch milliseconds, 13 digits: lexicographic order is time
 * order, as RocksDB orders the UTF-8 bytes) before the tracking id:
 * {@code bc|<building>|<category>|<time>|<id>} (duplicate candidates), {@code bu|<building>|<unit digest>|<time>|<id>}
 * (repeats at the unit, an empty digest for no unit), {@code rh|<resident hash>|<time>|<id>} (repeats of the
 * resident), {@code in|<incident>|<time>|<id>} (an incident's members), {@code t|<time>|<id>} (pruning, no value), and
 * {@code k|<id>} lists the derived keys, so a new version or a deletion of the entry removes the old ones. Keys of the
 * layouts before ({@link #LEGACY}) are rewritten at the router's start ({@link HistoryUpgrade}).
 */
final class HistoryKeys {

    static final String ENTRY = "h|";
    static final String SAME_CATEGORY = "bc|";
    static final String SAME_PLACE = "bu|";
    static final String SAME_RESIDENT = "rh|";
    static final String INCIDENT = "in|";
    static final String TIME = "t|";
    static final String DERIVED = "k|";
    /** Keys written by routers before: per building and resident, with ({@code bt|}, {@code rt|}, {@code id|}) and without time. */
    static final List<String> LEGACY = List.of("b|", "bt|", "r|", "rt|", "id|");
    /** Above every tracking id (ASCII), so {@code <prefix><time>|} to {@code <prefix><time>|END} is a whole millisecond. */
    private static final String END = "\uffff";
    private static final long LAST_MILLI = 9_999_999_999_999L;

    private HistoryKeys() {
    }

    static String entry(ComplaintId id) {
        return ENTRY + id.value();
    }

    /** The keys a look-up finds the entry under (each if known), and its time key: not {@code h|} nor {@code k|}. */
    static List<String> derived(HistoryEntry entry) {
        List<String> keys = new ArrayList<>(5);
        String suffix = "|" + time(entry.at()) + "|" + entry.complaintId().value();
        if (entry.building() != null) {
            keys.add(sameCategory(entry.building(), entry.category()) + suffix);
            keys.add(samePlace(entry.building(), entry.unit()) + suffix);
        }
        if (entry.residentHash() != null) {
            keys.add(sameResident(entry.residentHash()) + suffix);
        }
        keys.add(incident(entry.incident()) + suffix);
        keys.add(TIME + suffix.substring(1));
        return keys;
    }

    static String sameCategory(String building, String category) {
        return SAME_CATEGORY + building + "|" + (category == null ? "" : category);
    }

    /** The unit only as a digest: it is a personal field, sealed in the values, not written in clear in the keys. */
    static String samePlace(String building, String unit) {
        return SAME_PLACE + building + "|" + (unit == null ? "" : digest(unit));
    }

    static String sameResident(String residentHash) {
        return SAME_RESIDENT + residentHash;
    }

    static String incident(ComplaintId incident) {
        return INCIDENT + incident.value();
    }

    /** The first and last key under {@code prefix} (without its last '|') from {@code from} to {@code to}. */
    static String[] range(String prefix, Instant from, Instant to) {
        return new String[] {prefix + "|" + time(from) + "|", prefix + "|" + time(to) + "|" + END};
    }

    /** The tracking id at the end of a derived key. */
    static ComplaintId id(String key) {
        return new ComplaintId(key.substring(key.lastIndexOf('|') + 1)); // written canonical: no need to tidy it up
    }

    static String time(Instant at) {
        long ms = at == null || at.isBefore(Instant.EPOCH) ? 0
                : at.isAfter(Instant.ofEpochMilli(LAST_MILLI)) ? LAST_MILLI : at.toEpochMilli();
        return String.format("%013d", ms);
    }

    /** Above every key that starts with {@code prefix} (which ends in '|'): '|' + 1. */
    static String above(String prefix) {
        return prefix.substring(0, prefix.length() - 1) + "}";
    }

    private static String digest(String unit) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(unit.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
