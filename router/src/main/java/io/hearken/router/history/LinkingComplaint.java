package io.hearken.router.history;

import io.hearken.events.ComplaintId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Finds the master incident (same building, same category, similar text, within the duplicate
 * window: linked, never dropped) and the repeats (same unit, or the same building when no unit is
 * given, or the same resident, within the repeat window).
 */
public final class LinkingComplaint {

    /**
     * {@code relatedCount}: how many complaints were already linked to the same incident;
     * {@code incidentEscalated}: whether management was already told of that incident.
     */
    public record Result(ComplaintId relatedTo, double similarity, int relatedCount, List<ComplaintId> repeatOf,
            boolean incidentEscalated) {

        public Result(ComplaintId relatedTo, double similarity, int relatedCount, List<ComplaintId> repeatOf) {
            this(relatedTo, similarity, relatedCount, repeatOf, false);
        }

        public boolean repeat() {
            return !repeatOf.isEmpty();
        }
    }

    /** Duplicate candidates compared per look-up by default: the newest of the building and category in the window. */
    public static final int DEFAULT_CANDIDATES = 50;

    private final Duration duplicateWindow;
    private final Duration repeatWindow;
    private final double minSimilarity;
    private final int candidates;

    public LinkingComplaint(Duration duplicateWindow, Duration repeatWindow, double minSimilarity) {
        this(duplicateWindow, repeatWindow, minSimilarity, DEFAULT_CANDIDATES);
    }

    /**
     * {@code candidates}: how many of the building's complaints of the category in the duplicate window a look-up over
     * an index compares, the newest; a busier window's older ones are not read (a crowded incident is reported again
     * and again, so its newest reports are among them).
     */
    public LinkingComplaint(Duration duplicateWindow, Duration repeatWindow, double minSimilarity, int candidates) {
        if (candidates < 1) {
            throw new IllegalArgumentException("duplicate candidates must be at least 1, not " + candidates);
        }
        this.duplicateWindow = duplicateWindow;
        this.repeatWindow = repeatWindow;
        this.minSimilarity = minSimilarity;
        this.candidates = candidates;
    }

    /**
     * How far back from {@code at} an entry can still count (the longer window): the history is read from there on.
     * The members of an incident count from there too; an incident still growing after that is counted from it.
     */
    public Instant lookBack(Instant at) {
        return at.minus(duplicateWindow.compareTo(repeatWindow) >= 0 ? duplicateWindow : repeatWindow);
    }

    /**
     * {@code candidates}: earlier entries that share the building or the resident (any order, may
     * contain the complaint itself and duplicates, which are ignored).
     */
    public Result link(HistoryEntry current, List<HistoryEntry> candidates) {
        List<HistoryEntry> earlier = earlier(current, candidates);
        return linked(current, earlier, master(current, earlier));
    }

    /**
     * The same result as {@link #link(HistoryEntry, List)} over the building's and the resident's entries since
     * {@link #lookBack}, reading only those that can match: the building's of the same category in the duplicate
     * window (the newest {@code candidates} of them: the same result while the window holds no more), then the
     * master incident's, and the unit's and the resident's in the repeat window.
     */
    public Result link(HistoryEntry current, HistoryIndex index) {
        Instant at = current.at();
        List<HistoryEntry> found = new ArrayList<>(
                index.sameCategory(current.building(), current.category(), at.minus(duplicateWindow), at, candidates));
        Match master = master(current, earlier(current, found));
        if (master.incident() != null) {
            found.addAll(index.incident(master.incident(), current.building(), current.residentHash(), lookBack(at), at));
        }
        found.addAll(index.samePlace(current.building(), current.unit(), at.minus(repeatWindow), at));
        found.addAll(index.sameResident(current.residentHash(), at.minus(repeatWindow), at));
        return linked(current, earlier(current, found), master);
    }

    private record Match(ComplaintId incident, double similarity) {
    }

    private static List<HistoryEntry> earlier(HistoryEntry current, List<HistoryEntry> candidates) {
        return candidates.stream()
                .filter(e -> !e.complaintId().equals(current.complaintId()))
                .filter(e -> !e.at().isAfter(current.at()))
                .sorted(Comparator.comparing(HistoryEntry::at).thenComparing(e -> e.complaintId().value()))
                .toList();
    }

    /** The most similar earlier complaint of the building and category in the duplicate window: its incident. */
    private Match master(HistoryEntry current, List<HistoryEntry> earlier) {
        HistoryEntry master = null;
        double best = 0;
        long[] words = null; // the complaint's bigrams, made once
        for (HistoryEntry e : earlier) {
            if (current.building() != null && current.building().equals(e.building())
                    && Objects.equals(current.category(), e.category())
                    && !e.at().isBefore(current.at().minus(duplicateWindow))) {
                words = words == null ? Similarity.bigrams(current.text()) : words;
                double s = Similarity.of(words, Similarity.bigrams(e.text()));
                if (s >= minSimilarity && (master == null || s > best)) {
                    master = e;
                    best = s;
                }
            }
        }
        return new Match(master == null ? null : master.incident(), best);
    }

    private Result linked(HistoryEntry current, List<HistoryEntry> earlier, Match master) {
        ComplaintId incident = master.incident();
        int related = 0;
        boolean escalated = false;
        if (incident != null) {
            Set<ComplaintId> members = new LinkedHashSet<>();
            for (HistoryEntry e : earlier) {
                if (incident.equals(e.incident())) {
                    members.add(e.complaintId());
                    escalated |= e.wasEscalated();
                }
            }
            members.remove(incident);
            related = members.size() + 1; // the master and those already linked to it
        }

        Set<ComplaintId> repeats = new LinkedHashSet<>();
        Instant since = current.at().minus(repeatWindow);
        for (HistoryEntry e : earlier) {
            if (e.at().isBefore(since) || incident != null && incident.equals(e.incident())) {
                continue; // the same incident reported by a neighbour is a duplicate, not a repeat
            }
            boolean sameResident = current.residentHash() != null && current.residentHash().equals(e.residentHash());
            boolean samePlace = current.building() != null && current.building().equals(e.building())
                    && (current.unit() == null ? e.unit() == null : current.unit().equals(e.unit()));
            if (sameResident || samePlace) {
                repeats.add(e.complaintId());
            }
        }
        return new Result(incident, master.similarity(), related, List.copyOf(repeats), escalated);
    }
}
