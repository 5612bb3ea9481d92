package io.hearken.desk.board;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearken.events.Actor;
import io.hearken.events.Channel;
import io.hearken.events.ComplaintAcknowledged;
import io.hearken.events.ComplaintAnonymised;
import io.hearken.events.ComplaintEvent;
import io.hearken.events.ComplaintId;
import io.hearken.events.ComplaintReassigned;
import io.hearken.events.ComplaintReceived;
import io.hearken.events.ComplaintResolved;
import io.hearken.events.ComplaintRouted;
import io.hearken.events.ComplaintSnapshot;
import io.hearken.events.ComplaintStatus;
import io.hearken.events.Contact;
import io.hearken.events.FeedbackGiven;
import io.hearken.events.HandlerAssigned;
import io.hearken.events.Place;
import io.hearken.events.ResidentType;
import io.hearken.events.SlaClock;
import io.hearken.events.SlaWarning;
import io.hearken.events.TrackingIds;
import io.hearken.events.Urgency;
import io.hearken.staff.StaffPerson;
import io.hearken.staff.StaffRole;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The board that keeps only a row of numbers per complaint in memory and its summary on disk lists, filters, sorts,
 * counts and searches exactly what the board that kept every summary in memory did (computed here the old way, over
 * 2,000 varied complaints), and again the same after a restart (a fresh board rebuilt from the state records in
 * another order, the live topics' overlap delivering events a second time), with complaints erased and forgotten;
 * and once more after a clean stop, the board's rows read back from its kept store.
 */
class BoardFromStoreTest {

    static final int COMPLAINTS = 2_000;
    static final List<String> DEPARTMENTS = List.of("maintenance", "cleaning", "security");
    static final Actor STAFF = new Actor("li.wei", "李伟", "maintenance", Actor.Role.STAFF);

    final Random random = new Random(16);
    final Map<ComplaintId, List<ComplaintEvent>> complaints = new LinkedHashMap<>();
    final List<ComplaintBoard> boards = new ArrayList<>();
    /** One set of keys for every board of a test: a board opened on a kept store reads what the last one sealed. */
    final io.hearken.events.privacy.Sealing sealing = io.hearken.events.privacy.InMemoryKeys.sealing();
    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path dir;

    @AfterEach
    void close() {
        boards.forEach(ComplaintBoard::close);
    }

    @Test
    void queuesCountsAndSearchAreTheOldInMemoryOnesAndTheSameAfterARestart() {
        Instant base = Instant.parse("2026-12-01T08:00:00.123456789Z");
        for (int i = 0; i < COMPLAINTS; i++) {
            List<ComplaintEvent> events = events(i, base.plusMillis(i * 1_337L));
            complaints.put(events.get(0).complaintId(), events);
        }
        ComplaintBoard board = board();
        for (List<ComplaintEvent> events : complaints.values()) {
            events.forEach(board::apply); // the live topics, one event at a time
        }
        List<ComplaintId> ids = new ArrayList<>(complaints.keySet());
        for (int i = 0; i < ids.size(); i += 7) { // a state record removed: the complaint leaves the board
            board.forget(ids.get(i));
            complaints.remove(ids.get(i));
        }
        for (int i = 3; i < ids.size(); i += 50) { // erased: the resident's part goes
            if (!complaints.containsKey(ids.get(i))) {
                continue;
            }
            ComplaintAnonymised erased = new ComplaintAnonymised("erased-" + i, ids.get(i), base.plus(Duration.ofDays(9)),
                    STAFF, "erasure-" + i, "request");
            board.apply(erased);
            complaints.get(ids.get(i)).add(erased);
        }
        assertSameAsInMemory(board);

        board.close();
        ComplaintBoard restarted = board();
        List<ComplaintId> order = new ArrayList<>(complaints.keySet());
        Collections.shuffle(order, random);
        for (ComplaintId id : order) { // complaints.state from the beginning, then the live topics' overlap
            restarted.apply(new ComplaintSnapshot(id, base, null, complaints.get(id)));
        }
        for (ComplaintId id : order.subList(0, 300)) {
            complaints.get(id).forEach(restarted::apply);
        }
        assertSameAsInMemory(restarted);

        // A clean stop keeps the store (its feed hands it the position read to): the next board reads its rows back
        // from the stored summaries, nothing replayed, and answers every queue, count and search the same.
        restarted.store().keepAt("complaints.state", "topic-id", Map.of(0, 0L));
        restarted.close();
        ComplaintBoard kept = board();
        assertThat(kept.store().kept()).isPresent();
        assertSameAsInMemory(kept);
    }

    void assertSameAsInMemory(ComplaintBoard board) {
        List<ComplaintSummary> old = new ArrayList<>(); // what the old board held: a summary per complaint
        complaints.forEach((id, events) -> old.add(DeskComplaint.fold(id, happened(events)).summary()));
        assertThat(board.size()).isEqualTo(complaints.size());
        List<StaffPerson> people = List.of(staff("maintenance"), staff("cleaning"), staff("security"),
                new StaffPerson("liu.yang", "刘洋", "management", StaffRole.MANAGER, Locale.CHINA));
        List<QueueFilter> filters = List.of(QueueFilter.open(),
                new QueueFilter(EnumSet.allOf(ComplaintStatus.class), null, null, null, null),
                new QueueFilter(Set.of(ComplaintStatus.RESOLVED), null, null, null, null),
                new QueueFilter(Set.of(ComplaintStatus.ACKNOWLEDGED, ComplaintStatus.ASSIGNED), "tower b", null, null, null),
                new QueueFilter(Set.of(), " 3号楼 ", "leak", null, null),
                new QueueFilter(Set.of(), null, null, null, "cleaning"),
                new QueueFilter(Set.of(), null, null, null, "nowhere"),
                new QueueFilter(Set.of(), null, "no-such-category", null, null),
                new QueueFilter(EnumSet.allOf(ComplaintStatus.class), null, null, null, null, "li.wei"),
                new QueueFilter(EnumSet.allOf(ComplaintStatus.class), null, null, "ZHANG", null),
                new QueueFilter(Set.of(), null, null, "漏水", null),
                new QueueFilter(EnumSet.allOf(ComplaintStatus.class), null, null, "1388", null),
                new QueueFilter(Set.of(), null, null, "hk-", null),
                new QueueFilter(Set.of(), null, null, "东区\n", null));
        for (StaffPerson person : people) {
            for (QueueFilter filter : filters) {
                List<ComplaintSummary> expected = old.stream().filter(ComplaintSummary::routed)
                        .filter(c -> person.sees(c.department())).filter(filter.asPredicate())
                        .sorted(ComplaintBoard.QUEUE_ORDER).toList();
                assertThat(board.queue(person, filter)).as(person.id() + " " + filter).isEqualTo(expected);
                assertThat(board.ratedOrResolved(person, filter)).as(person.id() + " " + filter)
                        .isEqualTo(expected.stream().filter(c -> c.resolvedAt() != null
                                || c.satisfaction() != null && c.ratedAt() != null).toList());
            }
            Set<String> buildings = new TreeSet<>();
            Set<String> categories = new TreeSet<>();
            old.stream().filter(ComplaintSummary::routed).filter(c -> person.sees(c.department())).forEach(c -> {
                if (c.building() != null && !c.building().isBlank()) {
                    buildings.add(c.building().strip());
                }
                if (c.category() != null) {
                    categories.add(c.category());
                }
            });
            assertThat(board.choices(person).buildings()).containsExactlyElementsOf(buildings);
            assertThat(board.choices(person).categories()).containsExactlyElementsOf(categories);
        }
        assertThat(board.departments()).containsExactlyElementsOf(old.stream().filter(ComplaintSummary::routed)
                .map(ComplaintSummary::department).collect(java.util.stream.Collectors.toCollection(TreeSet::new)));
        assertThat(board.categories()).containsExactlyElementsOf(old.stream().filter(ComplaintSummary::routed)
                .map(ComplaintSummary::category).collect(java.util.stream.Collectors.toCollection(TreeSet::new)));
        for (ComplaintSummary c : old) {
            StaffPerson other = staff(DEPARTMENTS.stream().filter(d -> !d.equals(c.department())).findFirst().orElseThrow());
            assertThat(board.findFor(other, c.id())).isEmpty(); // another department's complaint: as if it did not exist
            assertThat(board.findFor(staff(c.department()), c.id())).isPresent();
        }
    }

    List<ComplaintEvent> events(int i, Instant t) {
        ComplaintId id = TrackingIds.next();
        String department = DEPARTMENTS.get(i % 3);
        String building = List.of("Tower B", "tower b", "3号楼", " 3号楼", "", "8号楼").get(random.nextInt(6));
        Contact contact = i % 11 == 0 ? null : new Contact(i % 2 == 0 ? "张伟" : "Zhang WEI " + i,
                i % 3 == 0 ? null : "zhang." + i + "@example.com", "1388" + (1000 + random.nextInt(9000)));
        Place place = i % 13 == 0 ? null : new Place(building, i % 4 == 0 ? null : "12-0" + i % 10, "东区",
                i % 5 == 0 ? "1 Main St" : null, null, null);
        ComplaintReceived received = new ComplaintReceived("c" + i, id, t.minusSeconds(5), Channel.WEB, "form", null,
                contact, ResidentType.TENANT, place, i % 17 == 0 ? null : "楼道漏水 Leak " + i,
                "天花板漏水 description " + i, null, "zh-CN", List.of(), Map.of());
        int priority = 1 + random.nextInt(3);
        Instant firstDue = i % 9 == 0 ? null : t.plus(Duration.ofMinutes(random.nextInt(600)));
        ComplaintRouted routed = new ComplaintRouted("r" + i, id, t, received,
                new ComplaintRouted.Classification(List.of("leak", "elevator", "noise").get(random.nextInt(3)),
                        Urgency.values()[random.nextInt(Urgency.values().length)], 0.9, i % 10 == 0, List.of(),
                        List.of()),
                new ComplaintRouted.Assignment(department, priority, List.of(), firstDue,
                        t.plus(Duration.ofHours(1 + random.nextInt(72))), null, null),
                ComplaintRouted.Links.none());
        List<ComplaintEvent> events = new ArrayList<>(List.of(routed));
        int step = random.nextInt(8);
        if (step >= 1) {
            events.add(new ComplaintAcknowledged("a" + i, id, t.plusSeconds(60), STAFF));
        }
        if (step >= 2 && step != 5) {
            events.add(new HandlerAssigned("h" + i, id, t.plusSeconds(90), STAFF, i % 2 == 0 ? STAFF
                    : new Actor("wang.fang", "王芳", department, Actor.Role.STAFF)));
        }
        if (step == 3) {
            events.add(new SlaWarning("w" + i, id, t.plusSeconds(100), SlaClock.RESOLUTION, t.plusSeconds(5_000),
                    department));
        }
        if (step >= 4) {
            events.add(new ComplaintResolved("s" + i, id, t.plusSeconds(120), STAFF, "修好了", List.of()));
        }
        if (step >= 6) {
            events.add(new FeedbackGiven("f" + i, id, t.plusSeconds(180), Channel.WEB, 1 + random.nextInt(5), "谢谢"));
        }
        if (step == 7 && i % 2 == 0) { // reassigned: it leaves its queue at once
            events.add(new ComplaintReassigned("m" + i, id, t.plusSeconds(200), STAFF, department,
                    DEPARTMENTS.get((i + 1) % 3), "not ours"));
        }
        Collections.shuffle(events.subList(1, events.size()), random); // delivered out of order
        return events;
    }

    static List<ComplaintEvent> happened(List<ComplaintEvent> events) {
        List<ComplaintEvent> history = new ArrayList<>(new LinkedHashMap<String, ComplaintEvent>() {
            {
                events.forEach(e -> putIfAbsent(e.eventId(), e));
            }
        }.values());
        history.sort(Comparator.comparing(ComplaintEvent::at));
        if (history.stream().anyMatch(ComplaintAnonymised.class::isInstance)) {
            history.replaceAll(e -> io.hearken.events.privacy.PersonalFields.removedFrom(e, ComplaintEvent.class));
        }
        return history;
    }

    ComplaintBoard board() {
        ComplaintBoard board = new ComplaintBoard(new io.hearken.events.store.LocalStateProperties(dir, null, null),
                sealing);
        boards.add(board);
        return board;
    }

    static StaffPerson staff(String department) {
        return new StaffPerson("li.wei", "李伟", department, StaffRole.STAFF, Locale.CHINA);
    }
}
