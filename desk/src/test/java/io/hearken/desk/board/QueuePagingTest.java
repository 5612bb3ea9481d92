package io.hearken.desk.board;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearken.desk.DeskTestSupport;
import io.hearken.events.Actor;
import io.hearken.events.Channel;
import io.hearken.events.ComplaintAcknowledged;
import io.hearken.events.ComplaintEvent;
import io.hearken.events.ComplaintId;
import io.hearken.events.ComplaintReceived;
import io.hearken.events.ComplaintResolved;
import io.hearken.events.ComplaintRouted;
import io.hearken.events.ComplaintSnapshot;
import io.hearken.events.ComplaintStatus;
import io.hearken.events.Contact;
import io.hearken.events.HandlerAssigned;
import io.hearken.events.Place;
import io.hearken.events.ResidentType;
import io.hearken.events.TrackingIds;
import io.hearken.events.Urgency;
import io.hearken.staff.StaffPerson;
import io.hearken.staff.StaffRole;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A queue page by page is the queue as it was listed whole: 400 complaints with many exact ties in priority, deadline
 * and time received (so even the order among equals counts), every page concatenated equals the full list computed
 * the old way (every summary read, filtered, sorted stably in the order the board got them), also after a restart;
 * and a page reads back about a page of summaries, not the whole queue.
 */
class QueuePagingTest {

    static final int COMPLAINTS = 400;
    static final List<String> DEPARTMENTS = List.of("maintenance", "cleaning", "security");
    static final Actor STAFF = new Actor("li.wei", "李伟", "maintenance", Actor.Role.STAFF);
    static final Instant BASE = Instant.parse("2026-12-01T08:00:00.5Z");
    static final StaffPerson MANAGER = new StaffPerson("liu.yang", "刘洋", "management", StaffRole.MANAGER, Locale.CHINA);
    static final QueueFilter EVERY_STATUS = new QueueFilter(EnumSet.allOf(ComplaintStatus.class), null, null, null, null);

    final Random random = new Random(1616);
    final Map<ComplaintId, List<ComplaintEvent>> complaints = new LinkedHashMap<>();
    final List<ComplaintBoard> boards = new ArrayList<>();

    @AfterEach
    void close() {
        boards.forEach(ComplaintBoard::close);
    }

    @Test
    void everyPageTogetherIsTheWholeQueueInTheOldOrderAlsoAfterARestart() {
        for (int i = 0; i < COMPLAINTS; i++) {
            List<ComplaintEvent> events = events(i);
            complaints.put(events.get(0).complaintId(), events);
        }
        ComplaintBoard board = board();
        List<ComplaintId> arrived = new ArrayList<>(complaints.keySet());
        arrived.forEach(id -> complaints.get(id).forEach(board::apply));
        assertPagesAreTheOldList(board, arrived);

        board.close();
        ComplaintBoard restarted = board();
        List<ComplaintId> rebuilt = new ArrayList<>(arrived);
        Collections.shuffle(rebuilt, random);
        rebuilt.forEach(id -> restarted.apply(new ComplaintSnapshot(id, BASE, null, complaints.get(id))));
        assertPagesAreTheOldList(restarted, rebuilt);
    }

    @Test
    void aPageReadsBackAboutAPageOfSummariesNotTheWholeQueue() {
        ComplaintBoard board = board();
        for (int i = 0; i < COMPLAINTS; i++) {
            events(i).forEach(board::apply);
        }
        int queue = board.queue(MANAGER, EVERY_STATUS).size();
        assertThat(queue).isEqualTo(COMPLAINTS);
        for (QueueFilter filter : List.of(EVERY_STATUS, QueueFilter.open(),
                new QueueFilter(EnumSet.allOf(ComplaintStatus.class), null, null, "hk-", null))) { // q: every one matches
            for (int page : new int[] {1, 3}) {
                long before = board.summaryReads();
                QueuePage listed = board.queue(MANAGER, filter, page, 20);
                long reads = board.summaryReads() - before;
                assertThat(listed.items()).hasSize(20);
                long bound = filter.q() == null ? 20 : page * 20L + 1; // a search skips the earlier pages' matches
                assertThat(reads).as(filter + " page " + page).isLessThanOrEqualTo(bound + 2);
            }
        }
    }

    void assertPagesAreTheOldList(ComplaintBoard board, List<ComplaintId> slotOrder) {
        List<StaffPerson> people = new ArrayList<>(List.of(MANAGER));
        DEPARTMENTS.forEach(d -> people.add(new StaffPerson("li.wei", "李伟", d, StaffRole.STAFF, Locale.CHINA)));
        List<QueueFilter> filters = List.of(QueueFilter.open(), EVERY_STATUS,
                new QueueFilter(Set.of(ComplaintStatus.RESOLVED), null, null, null, null),
                new QueueFilter(Set.of(), "3号楼", null, null, null),
                new QueueFilter(Set.of(), null, "leak", null, "cleaning"),
                new QueueFilter(EnumSet.allOf(ComplaintStatus.class), null, null, null, null, "li.wei"),
                new QueueFilter(EnumSet.allOf(ComplaintStatus.class), null, null, "漏水", null),
                new QueueFilter(Set.of(), null, null, "zhang wei 1", null),
                new QueueFilter(Set.of(), null, null, "nothing like it", null));
        for (StaffPerson person : people) {
            for (QueueFilter filter : filters) {
                List<ComplaintSummary> old = oldWay(board, slotOrder, person, filter);
                assertThat(board.queue(person, filter)).as(person.department() + " " + filter).isEqualTo(old);
                for (int size : new int[] {1, 7, 50, 200}) {
                    assertThat(allPages(board, person, filter, size)).as(person.department() + " " + filter + " " + size)
                            .isEqualTo(old).doesNotHaveDuplicates();
                }
                QueuePage first = board.queue(person, filter, 1, 50);
                assertThat(first.items()).isEqualTo(old.subList(0, Math.min(50, old.size())));
                if (filter.q() == null || !first.more()) {
                    assertThat(first.total()).isEqualTo(old.size());
                    assertThat(first.pages()).isEqualTo(Math.max(1, (old.size() + 49) / 50));
                } else {
                    assertThat(first.total()).isNull(); // a search stopped once the page was full
                }
                assertThat(board.queue(person, filter, 1_000, 50).items()).isEmpty();
            }
        }
        assertThat(board.queue(MANAGER, EVERY_STATUS)).hasSize(COMPLAINTS);
    }

    /** As the board listed a queue before pages: every summary read, filtered, then sorted stably in slot order. */
    static List<ComplaintSummary> oldWay(ComplaintBoard board, List<ComplaintId> slotOrder, StaffPerson person,
            QueueFilter filter) {
        List<ComplaintSummary> listed = new ArrayList<>();
        for (ComplaintId id : slotOrder) {
            board.find(id).map(DeskComplaint::summary).filter(ComplaintSummary::routed)
                    .filter(s -> person.sees(s.department())).filter(filter.asPredicate()).ifPresent(listed::add);
        }
        listed.sort(ComplaintBoard.QUEUE_ORDER);
        return listed;
    }

    static List<ComplaintSummary> allPages(ComplaintBoard board, StaffPerson person, QueueFilter filter, int size) {
        List<ComplaintSummary> all = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (int page = 1; ; page++) {
            QueuePage listed = board.queue(person, filter, page, size);
            assertThat(listed.page()).isEqualTo(page);
            assertThat(listed.items().size()).isLessThanOrEqualTo(size);
            assertThat(seen.add(page)).isTrue();
            all.addAll(listed.items());
            if (!listed.more()) {
                return all;
            }
            assertThat(listed.items()).hasSize(size); // only the last page is short
        }
    }

    /** Few priorities, deadlines and times received, so that many complaints tie on all three. */
    List<ComplaintEvent> events(int i) {
        ComplaintId id = TrackingIds.next();
        String department = DEPARTMENTS.get(random.nextInt(3));
        Instant received = BASE.plusSeconds(60L * random.nextInt(12));
        Instant due = random.nextInt(5) == 0 ? null : BASE.plus(Duration.ofHours(1 + random.nextInt(4)));
        Contact contact = new Contact("Zhang Wei " + i, null, "1388" + (1000 + i));
        Place place = new Place(List.of("3号楼", "Tower B", "8号楼").get(random.nextInt(3)), "12-0" + i % 10, "东区", null,
                null, null);
        ComplaintReceived complaint = new ComplaintReceived("c" + i, id, received, Channel.WEB, "form", null, contact,
                ResidentType.TENANT, place, (i % 4 == 0 ? "楼道漏水 " : "噪音 ") + i, "description " + i, null, "zh-CN",
                List.of(), Map.of());
        ComplaintRouted routed = new ComplaintRouted("r" + i, id, received.plusSeconds(1), complaint,
                new ComplaintRouted.Classification(List.of("leak", "noise").get(random.nextInt(2)), Urgency.NORMAL, 0.9,
                        false, List.of(), List.of()),
                new ComplaintRouted.Assignment(department, 1 + random.nextInt(3), List.of(), due, due, null, null),
                ComplaintRouted.Links.none());
        List<ComplaintEvent> events = new ArrayList<>(List.of(routed));
        int step = random.nextInt(4);
        if (step >= 1) {
            events.add(new ComplaintAcknowledged("a" + i, id, received.plusSeconds(30), STAFF));
        }
        if (step >= 2) {
            events.add(new HandlerAssigned("h" + i, id, received.plusSeconds(40), STAFF, STAFF));
        }
        if (step == 3) {
            events.add(new ComplaintResolved("s" + i, id, received.plusSeconds(50), STAFF, "修好了", List.of()));
        }
        return events;
    }

    ComplaintBoard board() {
        ComplaintBoard board = DeskTestSupport.localBoard();
        boards.add(board);
        return board;
    }
}
