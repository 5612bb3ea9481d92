package io.hearken.router.history;

import io.hearken.events.ComplaintId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/** {@link HistoryIndex} over a list: every entry is looked at (fine for tests, not for a long history). */
final class ListedHistory implements HistoryIndex {

    private final List<HistoryEntry> entries;

    ListedHistory(List<HistoryEntry> entries) {
        this.entries = entries;
    }

    @Override
    public List<HistoryEntry> sameCategory(String building, String category, Instant from, Instant to) {
        return building == null ? List.of()
                : find(e -> building.equals(e.building()) && Objects.equals(category, e.category()), from, to);
    }

    @Override
    public List<HistoryEntry> samePlace(String building, String unit, Instant from, Instant to) {
        return building == null ? List.of()
                : find(e -> building.equals(e.building()) && Objects.equals(unit, e.unit()), from, to);
    }

    @Override
    public List<HistoryEntry> sameResident(String residentHash, Instant from, Instant to) {
        return residentHash == null ? List.of() : find(e -> residentHash.equals(e.residentHash()), from, to);
    }

    @Override
    public List<HistoryEntry> incident(ComplaintId incident, String building, String residentHash, Instant from,
            Instant to) {
        return find(e -> incident.equals(e.incident()) && (building != null && building.equals(e.building())
                || residentHash != null && residentHash.equals(e.residentHash())), from, to);
    }

    private List<HistoryEntry> find(Predicate<HistoryEntry> matches, Instant from, Instant to) {
        return entries.stream().filter(e -> !e.at().isBefore(from) && !e.at().isAfter(to)).filter(matches).toList();
    }
}
