package io.hearken.router.streams;

import io.hearken.events.ComplaintId;
import io.hearken.router.history.HistoryEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The keys of {@code router.history} and its global store. An entry is kept under its building and under its resident,
 * the time (epoch milliseconds, 13 digits: lexicographic order is time order, as RocksDB orders the UTF-8 bytes)
 * before the tracking id, so a look-up is one range over the windows: {@code bt|<building>|<time>|<id>} and
 * {@code rt|<resident hash>|<time>|<id>}. {@code id|<id>} holds the entry without unit and text, so an erasure finds
 * the complaint's keys with one read. Keys written before ({@code b|<building>|<id>}, {@code r|<hash>|<id>}) are
 * rewritten to these at the router's start ({@link RoutingHistory#migrate}).
 */
final class HistoryKeys {

    static final String BUILDING = "bt|";
    static final String RESIDENT = "rt|";
    static final String COMPLAINT = "id|";
    /** The keys before: a look-up scanned a building's whole history. */
    static final List<String> OLD = List.of("b|", "r|");
    /** Above every tracking id (ASCII), so {@code <prefix><time>|} to {@code <prefix><time>|END} is a whole millisecond. */
    private static final String END = "\uffff";
    private static final long LAST_MILLI = 9_999_999_999_999L;

    private HistoryKeys() {
    }

    /** Where an entry is kept for look-ups: under its building, under its resident (each if known). */
    static List<String> of(HistoryEntry entry) {
        List<String> keys = new ArrayList<>(2);
        String time = time(entry.at());
        if (entry.building() != null) {
            keys.add(BUILDING + entry.building() + "|" + time + "|" + entry.complaintId().value());
        }
        if (entry.residentHash() != null) {
            keys.add(RESIDENT + entry.residentHash() + "|" + time + "|" + entry.complaintId().value());
        }
        return keys;
    }

    static String complaint(ComplaintId id) {
        return COMPLAINT + id.value();
    }

    /** The first and last key of the entries under {@code prefix} (building or resident) from {@code from} to {@code to}. */
    static String[] range(String prefix, Instant from, Instant to) {
        return new String[] {prefix + time(from) + "|", prefix + time(to) + "|" + END};
    }

    /** The look-up prefixes of a building and a resident (either may be null). */
    static List<String> prefixes(String building, String residentHash) {
        List<String> prefixes = new ArrayList<>(2);
        if (building != null) {
            prefixes.add(BUILDING + building + "|");
        }
        if (residentHash != null) {
            prefixes.add(RESIDENT + residentHash + "|");
        }
        return prefixes;
    }

    static String time(Instant at) {
        long ms = at == null || at.isBefore(Instant.EPOCH) ? 0
                : at.isAfter(Instant.ofEpochMilli(LAST_MILLI)) ? LAST_MILLI : at.toEpochMilli();
        return String.format("%013d", ms);
    }
}
