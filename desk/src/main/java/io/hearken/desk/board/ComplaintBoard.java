package io.hearken.desk.board;

import io.hearken.staff.StaffPerson;
import io.hearken.events.ComplaintAnonymised;
import io.hearken.events.ComplaintEvent;
import io.hearken.events.privacy.PersonalFields;
import io.hearken.events.ComplaintId;
import io.hearken.events.ComplaintSnapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The desk's own view of every complaint, built from Kafka (see {@link BoardFeed}). Applying an event twice
 * changes nothing (events are kept by id); events are folded in the order they happened, whatever order the
 * topics deliver them in.
 */
@Component
public class ComplaintBoard {

    private static final Comparator<ComplaintEvent> HAPPENED = Comparator.comparing(ComplaintEvent::at,
            Comparator.nullsFirst(Comparator.naturalOrder()));
    /** Priority 1 first, then the nearest deadline; deadline-less last; then the oldest. */
    static final Comparator<DeskComplaint> QUEUE_ORDER = Comparator.comparingInt(DeskComplaint::priority)
            .thenComparing(DeskComplaint::nextDeadline, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(c -> c.complaint() == null || c.complaint().at() == null ? Instant.MAX : c.complaint().at());

    private final Map<ComplaintId, Entry> entries = new ConcurrentHashMap<>();

    /** @return false when the event was already applied */
    public boolean apply(ComplaintEvent event) {
        Entry entry = entries.computeIfAbsent(event.complaintId(), Entry::new);
        return entry.apply(event);
    }

    /** Everything the router's current-state record holds about one complaint (the rebuild at start-up). */
    public void apply(ComplaintSnapshot snapshot) {
        entries.computeIfAbsent(snapshot.complaintId(), Entry::new).applyAll(snapshot.events());
    }

    /** The complaint's state record was removed (erasure): it leaves the board. */
    public void forget(ComplaintId id) {
        entries.remove(id);
    }

    /** Whether this event id is already on the board (a retried action). */
    public boolean contains(ComplaintId id, String eventId) {
        Entry entry = entries.get(id);
        return entry != null && entry.contains(eventId);
    }

    public Optional<DeskComplaint> find(ComplaintId id) {
        Entry entry = entries.get(id);
        return entry == null ? Optional.empty() : Optional.of(entry.current()).filter(DeskComplaint::routed);
    }

    /** The complaint if this person may work on it; otherwise empty, just as if it did not exist. */
    public Optional<DeskComplaint> findFor(StaffPerson person, ComplaintId id) {
        return find(id).filter(c -> person.sees(c.department()));
    }

    public List<DeskComplaint> queue(StaffPerson person, QueueFilter filter) {
        return entries.values().stream()
                .map(Entry::current)
                .filter(DeskComplaint::routed)
                .filter(c -> person.sees(c.department()))
                .filter(filter.asPredicate())
                .sorted(QUEUE_ORDER)
                .toList();
    }

    /** Every department a complaint on the board is assigned to now. */
    public Set<String> departments() {
        return entries.values().stream().map(Entry::current).filter(DeskComplaint::routed)
                .map(DeskComplaint::department).collect(Collectors.toCollection(TreeSet::new));
    }

    /** Every category a complaint on the board has now. */
    public Set<String> categories() {
        return entries.values().stream().map(Entry::current).filter(DeskComplaint::routed)
                .map(DeskComplaint::category).filter(java.util.Objects::nonNull)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** What the person's filter lists offer: the buildings and categories of the complaints they may see. */
    public Choices choices(StaffPerson person) {
        Set<String> buildings = new TreeSet<>();
        Set<String> categories = new TreeSet<>();
        entries.values().stream().map(Entry::current).filter(DeskComplaint::routed)
                .filter(c -> person.sees(c.department())).forEach(c -> {
                    if (c.building() != null && !c.building().isBlank()) {
                        buildings.add(c.building().strip());
                    }
                    if (c.category() != null) {
                        categories.add(c.category());
                    }
                });
        return new Choices(List.copyOf(buildings), List.copyOf(categories));
    }

    public record Choices(List<String> buildings, List<String> categories) {
    }

    public int size() {
        return entries.size();
    }

    private static final class Entry {

        private final ComplaintId id;
        private final Map<String, ComplaintEvent> events = new LinkedHashMap<>();
        private volatile DeskComplaint current;

        Entry(ComplaintId id) {
            this.id = id;
            this.current = DeskComplaint.fold(id, List.of());
        }

        synchronized boolean apply(ComplaintEvent event) {
            return applyAll(List.of(event));
        }

        synchronized boolean applyAll(List<ComplaintEvent> arrived) {
            boolean changed = false;
            for (ComplaintEvent event : arrived) {
                changed |= events.putIfAbsent(event.eventId(), event) == null;
            }
            if (changed && arrived.stream().anyMatch(ComplaintAnonymised.class::isInstance)) {
                // Erased: what the board holds of the resident goes now, not when the desk next restarts.
                events.replaceAll((eventId, event) -> PersonalFields.removedFrom(event, ComplaintEvent.class));
            }
            if (!changed) {
                return false;
            }
            List<ComplaintEvent> history = new ArrayList<>(events.values());
            history.sort(HAPPENED); // stable: same instant keeps arrival order
            current = DeskComplaint.fold(id, history);
            return true;
        }

        synchronized boolean contains(String eventId) {
            return events.containsKey(eventId);
        }

        DeskComplaint current() {
            return current;
        }
    }
}
