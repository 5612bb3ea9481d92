package io.hearken.desk.board;

import io.hearken.events.ComplaintAnonymised;
import io.hearken.events.ComplaintEvent;
import io.hearken.events.ComplaintId;
import io.hearken.events.ComplaintSnapshot;
import io.hearken.events.privacy.PersonalFields;
import io.hearken.events.privacy.Sealing;
import io.hearken.events.store.LocalStateProperties;
import io.hearken.events.store.LocalStore;
import io.hearken.desk.DeskProperties;
import io.hearken.staff.StaffPerson;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The desk's own view of every complaint, built from Kafka (see {@link BoardFeed}). In memory only a row of a few
 * numbers per complaint ({@link BoardRows}: what picks a queue's complaints), and the events of the complaints
 * touched last; in a local store on disk, sealed, every complaint's events ({@link StoredHistories}), read back for
 * its page and actions, and its {@link ComplaintSummary} ({@link StoredSummaries}), read back for the queues, their
 * search and the return-visit list. The store is kept across clean stops ({@link LocalStore#openKept}): the rows
 * are read back from its summaries at start. Applying an event twice
 * changes nothing (events are kept by id); events are folded in the order they happened, whatever order the
 * topics deliver them in.
 */
@Component
public class ComplaintBoard implements AutoCloseable {

    private static final Comparator<ComplaintEvent> HAPPENED = Comparator.comparing(ComplaintEvent::at,
            Comparator.nullsFirst(Comparator.naturalOrder()));
    /** Priority 1 first, then the nearest deadline; deadline-less last; then the oldest. */
    static final Comparator<ComplaintSummary> QUEUE_ORDER = Comparator.comparingInt(ComplaintSummary::priority)
            .thenComparing(ComplaintSummary::nextDeadline, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(c -> c.receivedAt() == null ? Instant.MAX : c.receivedAt());

    /** What the store's format is: a store kept by a desk that stored differently is rebuilt. */
    private static final int STORE_FORMAT = 1;

    /** Replaced whole when the board is rebuilt from the beginning. */
    private volatile BoardRows rows = new BoardRows();
    private final StoredHistories histories;
    private final StoredSummaries summaries;
    private final QueuePages pages;
    private final LocalStore store;
    /** The events of the complaints touched last, as stored: a busy complaint is not read back for each event. */
    private final Map<ComplaintId, LinkedHashMap<String, ComplaintEvent>> recent;
    /** One complaint's events are read, changed and written under its stripe. */
    private final Object[] stripes = new Object[256];

    @Autowired
    public ComplaintBoard(LocalStateProperties local, Sealing sealing, DeskProperties properties) {
        this.store = LocalStore.openKept(local, "desk-board", STORE_FORMAT);
        this.histories = new StoredHistories(store, sealing);
        this.summaries = new StoredSummaries(store, sealing);
        summaries.forEachRow(rows::put); // a store kept by the last clean stop: the rows are rebuilt from it
        this.pages = new QueuePages(summaries);
        int kept = properties.recentComplaints();
        this.recent = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<ComplaintId, LinkedHashMap<String, ComplaintEvent>> eldest) {
                return size() > kept;
            }
        });
        for (int i = 0; i < stripes.length; i++) {
            stripes[i] = new Object();
        }
    }

    public ComplaintBoard(LocalStateProperties local, Sealing sealing) {
        this(local, sealing, new DeskProperties(null, null, null));
    }

    /** @return false when the event was already applied */
    public boolean apply(ComplaintEvent event) {
        return applyAll(event.complaintId(), List.of(event));
    }

    /** Everything the router's current-state record holds about one complaint (the rebuild at start-up). */
    public void apply(ComplaintSnapshot snapshot) {
        applyAll(snapshot.complaintId(), snapshot.events());
    }

    /** The complaint's state record was removed (erasure): it leaves the board. */
    public void forget(ComplaintId id) {
        synchronized (stripe(id)) {
            rows.remove(id);
            recent.remove(id);
            histories.remove(id);
            summaries.remove(id);
        }
    }

    /** Whether this event id is already on the board (a retried action). */
    public boolean contains(ComplaintId id, String eventId) {
        if (!rows.contains(id)) {
            return false;
        }
        synchronized (stripe(id)) {
            return events(id).containsKey(eventId);
        }
    }

    public Optional<DeskComplaint> find(ComplaintId id) {
        if (rows.routedDepartment(id) == null) {
            return Optional.empty();
        }
        synchronized (stripe(id)) {
            return Optional.of(fold(id, events(id))).filter(DeskComplaint::routed);
        }
    }

    /** The complaint if this person may work on it; otherwise empty, just as if it did not exist. */
    public Optional<DeskComplaint> findFor(StaffPerson person, ComplaintId id) {
        String department = rows.routedDepartment(id);
        return department == null || !person.sees(department) ? Optional.empty()
                : find(id).filter(c -> person.sees(c.department()));
    }

    /**
     * The person's complaints that the filter lets through, in {@link #QUEUE_ORDER}: picked and ordered by their rows,
     * then read from the store and checked whole (the search, and anything an event changed in between).
     */
    public List<ComplaintSummary> queue(StaffPerson person, QueueFilter filter) {
        return pages.all(rows.select(person, filter, false), person, filter);
    }

    /**
     * Page {@code page} (from 1, of {@code size}) of {@link #queue}: ordered in memory, only the page's summaries
     * read back (a search {@code q}: until the page is full and one more matched, see {@link QueuePages}).
     */
    public QueuePage queue(StaffPerson person, QueueFilter filter, int page, int size) {
        if (page < 1 || size < 1) {
            throw new IllegalArgumentException("page and size count from 1: " + page + ", " + size);
        }
        return pages.page(rows.select(person, filter, false), person, filter, page, size);
    }

    /** The queue's complaints that were rated or resolved: the only ones a return visit can be owed for. */
    public List<ComplaintSummary> ratedOrResolved(StaffPerson person, QueueFilter filter) {
        return pages.all(rows.select(person, filter, true), person, filter);
    }

    /** Every department a complaint on the board is assigned to now. */
    public Set<String> departments() {
        return rows.departments();
    }

    /** Every category a complaint on the board has now. */
    public Set<String> categories() {
        return rows.categories();
    }

    /** What the person's filter lists offer: the buildings and categories of the complaints they may see. */
    public Choices choices(StaffPerson person) {
        Set<String> buildings = new TreeSet<>();
        for (String building : rows.buildings(person)) {
            if (!building.isBlank()) {
                buildings.add(building.strip());
            }
        }
        return new Choices(List.copyOf(buildings), List.copyOf(rows.categories(person)));
    }

    public record Choices(List<String> buildings, List<String> categories) {
    }

    public int size() {
        return rows.size();
    }

    /** How many summaries were read back from the store so far. */
    long summaryReads() {
        return summaries.reads();
    }

    /** The bytes in the store (keys and values, before compression): the summaries', and all. */
    long[] storedBytes() {
        long[] all = {0};
        store.forEach("", (key, value) -> all[0] += key.length() + value.length);
        return new long[] {summaries.bytes(), all[0]};
    }

    /** The store the board lies in, kept across clean stops: its feed keeps its reading position there. */
    LocalStore store() {
        return store;
    }

    /** Forgets what is in memory: the store was emptied, the board is built again from the beginning. */
    void forgetAll() {
        rows = new BoardRows();
        recent.clear();
    }

    /** Closes the local store (kept, with the position its feed reached, if the feed stopped cleanly). */
    @Override
    public void close() {
        histories.close(); // the store the summaries are in too
    }

    private boolean applyAll(ComplaintId id, List<ComplaintEvent> arrived) {
        synchronized (stripe(id)) {
            LinkedHashMap<String, ComplaintEvent> events = events(id);
            int stored = events.size();
            List<ComplaintEvent> added = new ArrayList<>();
            for (ComplaintEvent event : arrived) {
                if (events.putIfAbsent(event.eventId(), event) == null) {
                    added.add(event);
                }
            }
            if (added.isEmpty()) {
                if (!rows.contains(id)) {
                    rows.touch(id);
                }
                return false;
            }
            if (arrived.stream().anyMatch(ComplaintAnonymised.class::isInstance)) {
                // Erased: what the board holds of the resident goes now, from memory and disk, not at a restart.
                events.replaceAll((eventId, event) -> PersonalFields.removedFrom(event, ComplaintEvent.class));
                histories.rewrite(id, events.values());
            } else {
                for (ComplaintEvent event : added) {
                    histories.append(id, stored++, event);
                }
            }
            DeskComplaint folded = fold(id, events);
            ComplaintSummary summary = ComplaintSummary.of(folded);
            summaries.write(summary, folded.complaint());
            rows.put(id, summary);
            return true;
        }
    }

    /** The complaint's events by id in arrival order, from memory or the store; call under its stripe. */
    private LinkedHashMap<String, ComplaintEvent> events(ComplaintId id) {
        LinkedHashMap<String, ComplaintEvent> events = recent.get(id);
        if (events == null) {
            events = histories.read(id);
            recent.put(id, events);
        }
        return events;
    }

    private static DeskComplaint fold(ComplaintId id, Map<String, ComplaintEvent> events) {
        List<ComplaintEvent> history = new ArrayList<>(events.values());
        history.sort(HAPPENED); // stable: same instant keeps arrival order
        return DeskComplaint.fold(id, history);
    }

    private Object stripe(ComplaintId id) {
        return stripes[Math.floorMod(id.hashCode(), stripes.length)];
    }
}
