package io.hearken.desk;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearken.staff.StaffRole;
import io.hearken.desk.board.ComplaintBoard;
import io.hearken.desk.board.ComplaintSummary;
import io.hearken.desk.board.QueueFilter;
import io.hearken.staff.StaffPerson;
import io.hearken.events.Actor;
import io.hearken.events.ComplaintAcknowledged;
import io.hearken.events.ComplaintId;
import io.hearken.events.ComplaintReassigned;
import io.hearken.events.ComplaintResolved;
import io.hearken.events.ComplaintRouted;
import io.hearken.events.ComplaintStatus;
import io.hearken.events.Events;
import io.hearken.events.InformationRequested;
import io.hearken.events.Channel;
import io.hearken.events.FollowUpReceived;
import io.hearken.desk.board.DeskComplaint;
import io.hearken.desk.board.QueueItem;
import io.hearken.events.ComplaintReopened;
import io.hearken.events.SlaClock;
import io.hearken.events.SlaWarning;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The board's fold, without Kafka: order, idempotency, visibility, re-routing. */
class ComplaintBoardTest {

    final ComplaintBoard board = board();
    final StaffPerson maintenance = new StaffPerson("li.wei", "李伟", "maintenance", StaffRole.STAFF, Locale.CHINA);
    final StaffPerson cleaning = new StaffPerson("chen.jing", "陈静", "cleaning", StaffRole.STAFF, Locale.CHINA);
    final StaffPerson manager = new StaffPerson("liu.yang", "刘洋", "management", StaffRole.MANAGER, Locale.CHINA);

    /** A board of its own (ComplaintBoardOnDiskTest: one that keeps no complaint whole in memory). */
    ComplaintBoard board() {
        return DeskTestSupport.localBoard();
    }

    @org.junit.jupiter.api.AfterEach
    void closeBoard() {
        board.close();
    }

    @Test
    void queueIsSortedByPriorityThenDeadlineAndOnlyTheDepartmentsOwn() {
        ComplaintRouted low = DeskTestSupport.routed("maintenance", 3, "漏水", "1号楼");
        ComplaintRouted urgent = DeskTestSupport.routed("maintenance", 1, "电梯困人", "3号楼");
        ComplaintRouted other = DeskTestSupport.routed("cleaning", 1, "垃圾", "2号楼");
        List.of(low, urgent, other).forEach(board::apply);

        assertThat(board.queue(maintenance, QueueFilter.open())).extracting(c -> c.id())
                .containsExactly(urgent.complaintId(), low.complaintId());
        assertThat(board.findFor(cleaning, urgent.complaintId())).isEmpty();
        assertThat(board.queue(manager, QueueFilter.open())).hasSize(3);
        assertThat(board.queue(maintenance, new QueueFilter(Set.of(), "3号楼", null, null, null)))
                .extracting(c -> c.id()).containsExactly(urgent.complaintId());
        assertThat(board.queue(maintenance, new QueueFilter(Set.of(), null, null, "13800138000", null))).hasSize(2);
    }

    @Test
    void eventsAreAppliedOnceAndInTheOrderTheyHappened() {
        ComplaintRouted routed = DeskTestSupport.routed("maintenance", 2, "停电", "5号楼");
        Actor me = maintenance.actor();
        var ack = new ComplaintAcknowledged(Events.newId(), routed.complaintId(), routed.at().plusSeconds(1), me);
        var resolved = new ComplaintResolved(Events.newId(), routed.complaintId(), routed.at().plusSeconds(9), me, "已修复");
        // Delivered out of order (different topics) and twice.
        assertThat(board.apply(resolved)).isTrue();
        assertThat(board.apply(ack)).isTrue();
        assertThat(board.find(routed.complaintId())).isEmpty(); // not routed yet
        assertThat(board.apply(routed)).isTrue();
        assertThat(board.apply(ack)).isFalse();

        assertThat(board.find(routed.complaintId()).orElseThrow().status()).isEqualTo(ComplaintStatus.RESOLVED);
        assertThat(board.queue(maintenance, QueueFilter.open())).isEmpty();
        assertThat(board.queue(maintenance, new QueueFilter(Set.of(ComplaintStatus.RESOLVED), null, null, null, null)))
                .hasSize(1);
    }

    @Test
    void informationRequestPausesTheClockUntilTheResidentAnswers() {
        ComplaintRouted routed = DeskTestSupport.routed("maintenance", 2, "门禁", "5号楼");
        board.apply(routed);
        board.apply(new InformationRequested(Events.newId(), routed.complaintId(), routed.at().plusSeconds(1),
                maintenance.actor(), "请问是哪个单元？"));
        assertThat(board.find(routed.complaintId()).orElseThrow().slaPaused()).isTrue();
        board.apply(new FollowUpReceived(Events.newId(), routed.complaintId(), routed.at().plusSeconds(2), Channel.EMAIL,
                "m1", "thread-headers", "2单元", List.of()));
        assertThat(board.find(routed.complaintId()).orElseThrow().status()).isEqualTo(ComplaintStatus.ACKNOWLEDGED);
    }

    @Test
    void aReassignedComplaintLeavesTheOldQueueAndTheReroutingBringsItToTheNewOne() {
        ComplaintRouted routed = DeskTestSupport.routed("maintenance", 2, "楼道脏", "5号楼");
        board.apply(routed);
        board.apply(new ComplaintReassigned(Events.newId(), routed.complaintId(), routed.at().plusSeconds(1),
                maintenance.actor(), "maintenance", "cleaning", "属于保洁"));
        assertThat(board.findFor(maintenance, routed.complaintId())).isEmpty();
        ComplaintRouted rerouted = new ComplaintRouted(Events.newId(), routed.complaintId(), routed.at().plusSeconds(2),
                routed.complaint(), routed.classification(), new ComplaintRouted.Assignment("cleaning", 2, List.of(),
                        null, routed.at().plusSeconds(86400), "maintenance", "属于保洁"), routed.links());
        board.apply(rerouted);
        assertThat(board.findFor(cleaning, routed.complaintId()).orElseThrow().status()).isEqualTo(ComplaintStatus.ASSIGNED);
        assertThat(board.findFor(maintenance, routed.complaintId())).isEmpty();
    }

    @Test
    void theDeadlinesFollowTheSlaClockThroughAPauseAReopeningAndTheRoutersOwnEvents() {
        ComplaintRouted routed = DeskTestSupport.routed("maintenance", 2, "暖气漏水", "5号楼");
        Instant due = routed.assignment().resolutionDue();
        board.apply(routed);
        board.apply(new InformationRequested(Events.newId(), routed.complaintId(), routed.at().plusSeconds(10),
                maintenance.actor(), "几楼？"));
        assertThat(QueueItem.of(board.find(routed.complaintId()).orElseThrow(), routed.at()).secondsLeft()).isNull();
        // Answered an hour later: the resolution deadline moves on by that hour.
        board.apply(new FollowUpReceived(Events.newId(), routed.complaintId(), routed.at().plusSeconds(3610),
                Channel.WEB, "c1", "tracking-page", "三楼", List.of()));
        assertThat(board.find(routed.complaintId()).orElseThrow().nextDeadline()).isEqualTo(due.plusSeconds(3600));

        // The router's SLA event names its own deadline, which wins.
        Instant routers = due.plusSeconds(7200);
        board.apply(new SlaWarning(Events.newId(), routed.complaintId(), routed.at().plusSeconds(3620),
                SlaClock.RESOLUTION, routers, "maintenance"));
        assertThat(board.find(routed.complaintId()).orElseThrow().resolutionDue()).isEqualTo(routers);

        // Resolved, then reopened a day later: a fresh window of the first one's length.
        Instant reopenedAt = routed.at().plusSeconds(86_400);
        board.apply(new ComplaintResolved(Events.newId(), routed.complaintId(), reopenedAt.minusSeconds(60),
                maintenance.actor(), "已修"));
        board.apply(new ComplaintReopened(Events.newId(), routed.complaintId(), reopenedAt, manager.actor(), "仍漏水"));
        DeskComplaint reopened = board.find(routed.complaintId()).orElseThrow();
        assertThat(reopened.nextDeadline())
                .isEqualTo(reopenedAt.plus(Duration.between(routed.complaint().at(), due)));
        assertThat(QueueItem.of(reopened, reopenedAt).secondsLeft()).isPositive();
    }

    @Test
    void withinAPriorityTheDeadlineThatMattersNowComesFirstAndFiltersNarrowTheQueue() {
        ComplaintRouted later = withDeadlines(DeskTestSupport.routed("maintenance", 2, "墙皮脱落", "1号楼"), 9, 48);
        ComplaintRouted sooner = withDeadlines(DeskTestSupport.routed("maintenance", 2, "下水道堵", "2号楼"), 3, 48);
        ComplaintRouted answered = withDeadlines(DeskTestSupport.routed("maintenance", 2, "门锁坏", "2号楼"), 1, 24);
        List.of(later, sooner, answered).forEach(board::apply);
        // Acknowledged: its first-response deadline (1 h) no longer counts, its resolution one (24 h) does.
        board.apply(new ComplaintAcknowledged(Events.newId(), answered.complaintId(), answered.at().plusSeconds(1),
                maintenance.actor()));

        assertThat(board.queue(maintenance, QueueFilter.open())).extracting(c -> c.id())
                .containsExactly(sooner.complaintId(), later.complaintId(), answered.complaintId());
        assertThat(board.queue(maintenance, new QueueFilter(Set.of(ComplaintStatus.ACKNOWLEDGED), null, null, null, null)))
                .extracting(c -> c.id()).containsExactly(answered.complaintId());
        assertThat(board.queue(maintenance, new QueueFilter(Set.of(), null, "elevator", null, null))).hasSize(3);
        assertThat(board.queue(maintenance, new QueueFilter(Set.of(), null, "noise", null, null))).isEmpty();
        assertThat(board.queue(maintenance, new QueueFilter(Set.of(), null, null, "下水道", null)))
                .extracting(c -> c.id()).containsExactly(sooner.complaintId());
        // The department filter is a manager's; it never widens a staff member's queue.
        assertThat(board.queue(manager, new QueueFilter(Set.of(), null, null, null, "cleaning"))).isEmpty();
        assertThat(board.queue(cleaning, new QueueFilter(Set.of(), null, null, null, "maintenance"))).isEmpty();
        assertThat(board.choices(maintenance).buildings()).containsExactly("1号楼", "2号楼");
    }

    static ComplaintRouted withDeadlines(ComplaintRouted r, long firstResponseHours, long resolutionHours) {
        ComplaintRouted.Assignment a = r.assignment();
        return new ComplaintRouted(r.eventId(), r.complaintId(), r.at(), r.complaint(), r.classification(),
                new ComplaintRouted.Assignment(a.department(), a.priority(), a.priorityReasons(),
                        r.at().plus(Duration.ofHours(firstResponseHours)), r.at().plus(Duration.ofHours(resolutionHours)),
                        null, null), r.links());
    }

    @Test
    void aCorrectionShowsAtOnceAndTheRoutingInPlaceKeepsTheHandlerAndTheEscalationWhileAReassignmentDropsThem() {
        ComplaintRouted routed = DeskTestSupport.routed("maintenance", 3, "电梯异响", "6号楼");
        Instant t = routed.at();
        Actor supervisor = new Actor("wang.fang", "王芳", "maintenance", Actor.Role.SUPERVISOR);
        board.apply(routed);
        board.apply(new io.hearken.events.HandlerAssigned(Events.newId(), routed.complaintId(), t.plusSeconds(1),
                supervisor, maintenance.actor()));
        board.apply(new io.hearken.events.ComplaintEscalated(Events.newId(), routed.complaintId(), t.plusSeconds(2),
                supervisor, io.hearken.events.ComplaintEscalated.Level.SUPERVISOR, "maintenance", "住户着急"));
        board.apply(new io.hearken.events.ClassificationCorrected(Events.newId(), routed.complaintId(), t.plusSeconds(3),
                supervisor, "elevator", "safety", io.hearken.events.Urgency.NORMAL, io.hearken.events.Urgency.URGENT, null));
        DeskComplaint corrected = board.find(routed.complaintId()).orElseThrow();
        assertThat(corrected.category()).isEqualTo("safety");
        assertThat(corrected.urgency()).isEqualTo(io.hearken.events.Urgency.URGENT);
        assertThat(corrected.handlerId()).isEqualTo("li.wei");
        assertThat(board.queue(maintenance, new QueueFilter(Set.of(), null, null, null, null, "li.wei")))
                .extracting(ComplaintSummary::id).containsExactly(routed.complaintId());

        Instant sooner = t.plus(Duration.ofHours(24));
        board.apply(new ComplaintRouted(Events.newId(), routed.complaintId(), t.plusSeconds(4), routed.complaint(),
                new ComplaintRouted.Classification("safety", io.hearken.events.Urgency.URGENT, 1.0, false, List.of(), List.of()),
                new ComplaintRouted.Assignment("maintenance", 1, List.of(), routed.assignment().firstResponseDue(), sooner,
                        null, "classification corrected"), routed.links()));
        DeskComplaint inPlace = board.find(routed.complaintId()).orElseThrow();
        assertThat(inPlace.resolutionDue()).isEqualTo(sooner);
        assertThat(inPlace.priority()).isEqualTo(1);
        assertThat(inPlace.status()).isEqualTo(ComplaintStatus.ASSIGNED);
        assertThat(inPlace.handlerId()).isEqualTo("li.wei");
        assertThat(inPlace.escalation()).isEqualTo(io.hearken.events.ComplaintEscalated.Level.SUPERVISOR);

        board.apply(new ComplaintReassigned(Events.newId(), routed.complaintId(), t.plusSeconds(5), supervisor,
                "maintenance", "security", "保安部"));
        assertThat(board.find(routed.complaintId()).orElseThrow().handler()).isNull();
        assertThat(board.queue(manager, new QueueFilter(Set.of(), null, null, null, null, "li.wei"))).isEmpty();
    }

    @Test
    void anErasureLeavesNothingOfTheResidentOnTheBoardAndARetriedEventChangesNothing() {
        ComplaintRouted routed = DeskTestSupport.routed("maintenance", 2, "楼道漏水", "8号楼");
        ComplaintId id = routed.complaintId();
        io.hearken.events.ProgressNoted note = new io.hearken.events.ProgressNoted(Events.newId(), id,
                routed.at().plusSeconds(1), maintenance.actor(), "已联系张伟 13800138000", true, List.of());
        board.apply(routed);
        board.apply(note);
        assertThat(board.queue(maintenance, new QueueFilter(Set.of(), null, null, "zhang.wei@example", null)))
                .extracting(ComplaintSummary::id).containsExactly(id);
        assertThat(board.contains(id, note.eventId())).isTrue();

        board.apply(new io.hearken.events.ComplaintAnonymised(Events.newId(), id, routed.at().plusSeconds(2),
                manager.actor(), "erasure-1", io.hearken.events.ComplaintAnonymised.REQUEST));
        DeskComplaint erased = board.find(id).orElseThrow();
        assertThat(erased.complaint().contact()).isNull();
        assertThat(erased.complaint().description()).isNull();
        assertThat(erased.history()).filteredOn(io.hearken.events.ProgressNoted.class::isInstance)
                .extracting(e -> ((io.hearken.events.ProgressNoted) e).note()).containsOnlyNulls();
        assertThat(board.queue(maintenance, new QueueFilter(Set.of(), null, null, "zhang.wei@example", null))).isEmpty();
        assertThat(QueueItem.of(board.queue(maintenance, QueueFilter.open()).get(0), Instant.now()).residentName()).isNull();
        assertThat(board.apply(note)).isFalse(); // the note, redelivered, does not bring the words back
        assertThat(board.find(id).orElseThrow().history()).hasSize(3);
        assertThat(board.contains(id, note.eventId())).isTrue();

        board.forget(id);
        assertThat(board.find(id)).isEmpty();
        assertThat(board.contains(id, note.eventId())).isFalse();
    }
}
