package io.hearken.router.history;

import io.hearken.events.ComplaintId;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * The routing history as {@link LinkingComplaint} reads it: only the entries that can match, each from {@code from}
 * to {@code to} (both included), so a look-up's cost follows what matches, not the size of a building's history.
 * Null arguments (no building, no resident) give no entries.
 */
public interface HistoryIndex {

    /** The building's entries of this category (duplicate candidates). */
    List<HistoryEntry> sameCategory(String building, String category, Instant from, Instant to);

    /**
     * The newest {@code newest} of {@link #sameCategory} ({@link #NEWEST_FIRST}), in any order: all of them when there
     * are no more. A store reads only those.
     */
    default List<HistoryEntry> sameCategory(String building, String category, Instant from, Instant to, int newest) {
        return sameCategory(building, category, from, to).stream().sorted(NEWEST_FIRST).limit(newest).toList();
    }

    /** The newest first; of one millisecond, the greater tracking id first (the store's keys read backwards). */
    Comparator<HistoryEntry> NEWEST_FIRST = Comparator.comparing(HistoryEntry::at)
            .thenComparing(e -> e.complaintId().value()).reversed();

    /** The entries of this unit of the building; a null unit: the building's entries without a unit (repeats). */
    List<HistoryEntry> samePlace(String building, String unit, Instant from, Instant to);

    /** The resident's entries (repeats). */
    List<HistoryEntry> sameResident(String residentHash, Instant from, Instant to);

    /**
     * The incident's complaints (its master and those linked to it) that are in the building or from the resident.
     * Only their public fields count here (who, where, when, incident, escalated): a store may leave the personal ones
     * (unit, text) unread, so it opens no data key for them.
     */
    List<HistoryEntry> incident(ComplaintId incident, String building, String residentHash, Instant from, Instant to);

    /** Over a list of entries (the in-memory port of tests; the reference the store's index is checked against). */
    static HistoryIndex of(List<HistoryEntry> entries) {
        return new ListedHistory(entries);
    }
}
