package io.hearken.router.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearken.events.Actor;
import io.hearken.events.Channel;
import io.hearken.events.ComplaintAcknowledged;
import io.hearken.events.ComplaintEscalated;
import io.hearken.events.ComplaintEvent;
import io.hearken.events.ComplaintId;
import io.hearken.events.ComplaintReassigned;
import io.hearken.events.ComplaintReceived;
import io.hearken.events.ComplaintReopened;
import io.hearken.events.ComplaintResolved;
import io.hearken.events.ComplaintRouted;
import io.hearken.events.ComplaintStatus;
import io.hearken.events.Contact;
import io.hearken.events.Departments;
import io.hearken.events.DuplicateLinked;
import io.hearken.events.FeedbackGiven;
import io.hearken.events.FollowUpReceived;
import io.hearken.events.InformationRequested;
import io.hearken.events.Place;
import io.hearken.events.ResidentType;
import io.hearken.events.SlaBreached;
import io.hearken.events.SlaClock;
import io.hearken.events.SlaWarning;
import io.hearken.events.Topics;
import io.hearken.events.TrackingIds;
import io.hearken.events.Urgency;
import io.hearken.events.privacy.PersonalData;
import io.hearken.router.assignment.RoutingTable;
import io.hearken.router.classification.Models;
import io.hearken.router.history.HistoryEntry;
import io.hearken.router.history.HistoryIndex;
import io.hearken.router.history.LinkingComplaint;
import io.hearken.router.sla.SlaConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The routing logic against an in-memory port (the Streams adapter is tested through Kafka elsewhere). */
class RoutingComplaintsTest {

    private final RoutingComplaints router = new RoutingComplaints(Models.defaultClassifier(), RoutingTable.defaults(),
            SlaConfig.defaults(), new LinkingComplaint(Duration.ofHours(24), Duration.ofDays(30), 0.3),
            new PersonalData("test-secret"));
    private final MemoryPort port = new MemoryPort();
    // A Monday 11:00 in Shanghai: inside business hours
    private final Instant t0 = Instant.parse("2026-11-23T03:00:00Z");

    static final class MemoryPort implements RouterPort {
        final Map<ComplaintId, ComplaintState> states = new HashMap<>();
        final List<HistoryEntry> history = new ArrayList<>();
        final List<Map.Entry<String, ComplaintEvent>> sent = new ArrayList<>();
        final List<String> rejected = new ArrayList<>();

        @Override
        public void reject(String reason) {
            rejected.add(reason);
        }

        @Override
        public Optional<ComplaintState> complaint(ComplaintId id) {
            return Optional.ofNullable(states.get(id));
        }

        @Override
        public void save(ComplaintState state) {
            states.put(state.complaintId(), state);
        }

        @Override
        public HistoryIndex history() {
            return HistoryIndex.of(history);
        }

        @Override
        public void remember(HistoryEntry entry) {
            history.add(entry);
        }

        @Override
        public void send(String topic, ComplaintEvent event) {
            sent.add(Map.entry(topic, event));
        }

        @Override
        public void forget(ComplaintId id) {
            history.replaceAll(e -> e.complaintId().equals(id) ? new HistoryEntry(id, e.at(), e.building(), null, null,
                    e.category(), null, e.relatedTo()) : e);
        }

        <T extends ComplaintEvent> List<T> sent(String topic, Class<T> type) {
            return sent.stream().filter(e -> e.getKey().equals(topic) && type.isInstance(e.getValue()))
                    .map(e -> type.cast(e.getValue())).toList();
        }
    }

    private ComplaintReceived complaint(String text, String building, String unit, String email, Instant at) {
        return new ComplaintReceived(java.util.UUID.randomUUID().toString(), TrackingIds.next(), at, Channel.WEB, "form",
                null, new Contact("张伟", email, null), ResidentType.OWNER, Place.of(building, unit), null, text, null,
                "zh-CN", List.of(), Map.of());
    }

    @Test
    void anAnonymisedComplaintKeepsItsStateButItsHistoryNoLongerNamesTheResidentAndAnUnknownOneIsNoError() {
        ComplaintReceived received = complaint("楼道灯坏了，张伟家门口", "2号楼", "301", "a@example.com", t0);
        router.on(received, t0, port);
        ComplaintState before = port.states.get(received.complaintId());
        assertThat(port.history).singleElement().satisfies(e -> assertThat(e.residentHash()).isNotNull());

        var anonymised = new io.hearken.events.ComplaintAnonymised("anon-1", received.complaintId(), t0.plusSeconds(60),
                io.hearken.events.Actor.system("test"), "erasure-1", io.hearken.events.ComplaintAnonymised.REQUEST);
        router.on(anonymised, t0.plusSeconds(60), port);

        assertThat(port.rejected).isEmpty();
        ComplaintState after = port.states.get(received.complaintId());
        assertThat(after.status()).isEqualTo(before.status());
        assertThat(after.seen()).contains("anon-1");
        assertThat(port.history).singleElement().satisfies(e -> {
            assertThat(e.residentHash()).isNull();
            assertThat(e.text()).isNull();
            assertThat(e.unit()).isNull();
            assertThat(e.building()).isEqualTo("2号楼");
        });

        router.on(new io.hearken.events.ComplaintAnonymised("anon-2", TrackingIds.next(), t0, null, "erasure-2",
                io.hearken.events.ComplaintAnonymised.RETENTION), t0, port);
        assertThat(port.rejected).as("a complaint the router never routed has nothing to anonymise here").isEmpty();
    }

    @Test
    void aRedeliveredComplaintIsIgnoredButASecondComplaintUnderATakenIdIsRejectedWithTheReason() {
        ComplaintReceived first = complaint("楼道灯坏了", "2号楼", "301", "a@example.com", t0);
        router.on(first, t0, port);
        router.on(first, t0.plusSeconds(5), port); // the same event again: a redelivery
        assertThat(port.rejected).isEmpty();
        assertThat(port.sent(Topics.ROUTED, ComplaintRouted.class)).hasSize(1);

        ComplaintReceived other = new ComplaintReceived("another-event", first.complaintId(), t0, Channel.HOTLINE, "call",
                null, new Contact("李四", null, "13800000000"), ResidentType.OWNER, Place.of("9号楼", "1"), null, "噪音",
                null, "zh-CN", List.of(), Map.of());
        router.on(other, t0.plusSeconds(10), port);

        assertThat(port.rejected).singleElement().asString().contains("already belongs to another complaint",
                first.eventId(), "another-event");
        assertThat(port.sent(Topics.ROUTED, ComplaintRouted.class)).hasSize(1);
    }

    @Test
    void anEventForAComplaintTheRouterDoesNotKnowIsRejectedNotDroppedSilently() {
        ComplaintId unknown = TrackingIds.next();
        router.on(new io.hearken.events.FollowUpReceived("f-1", unknown, t0, Channel.EMAIL, "<m@x>", "thread-headers",
                "还是没修好", List.of()), t0, port);

        assertThat(port.rejected).singleElement().asString().contains("no complaint " + unknown, "f-1");
        assertThat(port.sent).isEmpty();
    }

    @Test
    void aComplaintIsRoutedToItsDepartmentQueueWithPriorityReasonsAndDeadlines() {
        ComplaintReceived leak = complaint("卫生间水管漏水，水流到楼下了", "3号楼", "1203", "a@example.com", t0);
        router.on(leak, t0, port);

        ComplaintRouted routed = port.sent(Topics.ROUTED, ComplaintRouted.class).get(0);
        assertThat(port.sent(Topics.assignments("maintenance"), ComplaintRouted.class)).containsExactly(routed);
        assertThat(routed.classification().category()).isEqualTo("facility");
        assertThat(routed.classification().urgency()).isEqualTo(Urgency.URGENT);
        assertThat(routed.assignment().department()).isEqualTo(Departments.MAINTENANCE);
        assertThat(routed.assignment().priority()).isEqualTo(2);
        assertThat(routed.assignment().priorityReasons()).contains("urgency urgent ×3", "score 3 → P2");
        assertThat(routed.assignment().firstResponseDue()).isEqualTo(t0.plus(Duration.ofHours(1)));
        assertThat(routed.complaint()).isEqualTo(leak);
        assertThat(routed.links()).isEqualTo(ComplaintRouted.Links.none());
        assertThat(port.states.get(leak.complaintId()).status()).isEqualTo(ComplaintStatus.ASSIGNED);
    }

    @Test
    void theSameEventTwiceRoutesOnce() {
        ComplaintReceived c = complaint("楼道灯坏了", "5栋", "201", "b@example.com", t0);
        router.on(c, t0, port);
        router.on(c, t0.plusSeconds(5), port);
        assertThat(port.sent(Topics.ROUTED, ComplaintRouted.class)).hasSize(1);
    }

    @Test
    void similarComplaintsAboutTheSameBuildingAreLinkedAndRepeatsFlagged() {
        ComplaintReceived first = complaint("3号楼电梯坏了，停在5楼不动", "3号楼", "101", "c1@example.com", t0);
        ComplaintReceived second = complaint("电梯坏了，一直停在5楼不动", "3号楼", "702", "c2@example.com", t0.plusSeconds(600));
        ComplaintReceived again = complaint("楼上邻居每天半夜跺脚，太吵了", "8号楼", "1203", "c1@example.com", t0.plusSeconds(1200));
        router.on(first, t0, port);
        router.on(second, t0.plusSeconds(600), port);
        router.on(again, t0.plusSeconds(1200), port);

        List<ComplaintRouted> routed = port.sent(Topics.ROUTED, ComplaintRouted.class);
        assertThat(routed.get(1).links().relatedTo()).isEqualTo(first.complaintId());
        assertThat(routed.get(1).assignment().priorityReasons()).contains("linked to incident " + first.complaintId());
        assertThat(port.sent(Topics.UPDATES, DuplicateLinked.class)).singleElement()
                .satisfies(l -> assertThat(l.master()).isEqualTo(first.complaintId()));
        ComplaintRouted repeat = routed.get(2);
        assertThat(repeat.links().repeat()).isTrue();
        assertThat(repeat.links().repeatOf()).containsExactly(first.complaintId());
        assertThat(repeat.assignment().priorityReasons()).anyMatch(r -> r.startsWith("history: repeat"));
        assertThat(repeat.assignment().priority()).isLessThan(3);
    }

    @Test
    void lowConfidenceGoesToTriage() {
        ComplaintReceived vague = complaint("xq zzv 12 ok", "1号楼", null, null, t0);
        router.on(vague, t0, port);
        ComplaintRouted routed = port.sent(Topics.assignments(Departments.TRIAGE), ComplaintRouted.class).get(0);
        assertThat(routed.classification().needsTriage()).isTrue();
        assertThat(routed.classification().suggestions()).isNotEmpty();
    }

    @Test
    void aMissedDeadlineWarnsBreachesAndEscalatesToTheSupervisorThenManagement() {
        ComplaintReceived c = complaint("楼道灯坏了，晚上很黑", "5栋", "201", "d@example.com", t0);
        router.on(c, t0, port);
        ComplaintState state = port.states.get(c.complaintId());

        state = router.tick(state, t0.plus(Duration.ofHours(20)), port);
        assertThat(port.sent(Topics.UPDATES, SlaWarning.class)).singleElement()
                .satisfies(w -> assertThat(w.clock()).isEqualTo(SlaClock.FIRST_RESPONSE));
        state = router.tick(state, t0.plus(Duration.ofHours(25)), port);
        assertThat(port.sent(Topics.UPDATES, SlaBreached.class)).singleElement()
                .satisfies(b -> assertThat(b.due()).isEqualTo(t0.plus(Duration.ofHours(24))));
        assertThat(port.sent(Topics.UPDATES, ComplaintEscalated.class)).singleElement().satisfies(e -> {
            assertThat(e.level()).isEqualTo(ComplaintEscalated.Level.SUPERVISOR);
            assertThat(e.department()).isEqualTo(Departments.MAINTENANCE);
        });
        state = router.tick(state, t0.plus(Duration.ofHours(26)), port);
        assertThat(port.sent(Topics.UPDATES, SlaBreached.class)).as("each breach once").hasSize(1);

        router.tick(state, t0.plus(Duration.ofDays(6)), port);
        assertThat(port.sent(Topics.UPDATES, ComplaintEscalated.class)).hasSize(2).last()
                .satisfies(e -> assertThat(e.level()).isEqualTo(ComplaintEscalated.Level.MANAGEMENT));
    }

    @Test
    void anUrgentSafetyComplaintGoesToManagementAtOnce() {
        ComplaintReceived gas = complaint("厨房闻到很浓的煤气味，很危险", "2栋", "301", "e@example.com", t0);
        router.on(gas, t0, port);
        assertThat(port.sent(Topics.UPDATES, ComplaintEscalated.class)).singleElement()
                .satisfies(e -> assertThat(e.level()).isEqualTo(ComplaintEscalated.Level.MANAGEMENT));
    }

    @Test
    void anIncidentReportedByManyNeighboursGoesToManagementOnceAndOnlyWhenTheWordsSayManyAreAffected() {
        // Four neighbours report the whole building's power cut: the first escalates, the linked ones do not.
        String[] texts = {"7号楼全楼停电了，电梯也停了", "7号楼全楼停电，电梯不动了", "全楼停电了，7号楼电梯也停",
                "7号楼整栋楼停电，电梯也停了"};
        List<ComplaintReceived> outage = new ArrayList<>();
        for (int i = 0; i < texts.length; i++) {
            ComplaintReceived c = complaint(texts[i], "7号楼", "10" + i, "n" + i + "@example.com", t0.plusSeconds(60L * i));
            router.on(c, t0.plusSeconds(60L * i), port);
            outage.add(c);
        }
        List<ComplaintRouted> routed = port.sent(Topics.ROUTED, ComplaintRouted.class);
        assertThat(routed.subList(1, 4)).allSatisfy(r -> assertThat(r.links().relatedTo()).isEqualTo(outage.get(0).complaintId()));
        assertThat(port.sent(Topics.UPDATES, ComplaintEscalated.class)).singleElement().satisfies(e -> {
            assertThat(e.complaintId()).isEqualTo(outage.get(0).complaintId());
            assertThat(e.level()).isEqualTo(ComplaintEscalated.Level.MANAGEMENT);
            assertThat(e.reason()).startsWith("major complaint: many residents affected (全楼");
        });

        // Four complaints linked to one incident, but no words of many residents affected: none escalates.
        String[] guard = {"大家都反映9号楼门岗保安态度很差", "9号楼门岗保安态度太差了，大家都反映过", "大家都反映9号楼门岗的保安态度差",
                "9号楼门岗保安态度很差，大家都反映"};
        for (int i = 0; i < guard.length; i++) {
            ComplaintReceived c = complaint(guard[i], "9号楼", "20" + i, "g" + i + "@example.com", t0.plusSeconds(600 + 60L * i));
            router.on(c, t0.plusSeconds(600 + 60L * i), port);
        }
        List<ComplaintRouted> all = port.sent(Topics.ROUTED, ComplaintRouted.class);
        assertThat(all.get(7).links().relatedTo()).as("linked to one incident").isNotNull();
        assertThat(all.get(7).assignment().priorityReasons()).anyMatch(r -> r.contains("other complaints about the same incident"));
        assertThat(port.sent(Topics.UPDATES, ComplaintEscalated.class)).as("still only the outage").hasSize(1);
    }

    @Test
    void acknowledgementStopsTheFirstResponseClockAndWaitingOnTheResidentPausesIt() {
        ComplaintReceived c = complaint("楼道灯坏了", "5栋", "201", "f@example.com", t0);
        router.on(c, t0, port);
        Actor staff = new Actor("u1", "李师傅", "maintenance", Actor.Role.STAFF);
        router.on(new ComplaintAcknowledged("ack-1", c.complaintId(), t0.plusSeconds(60), staff), t0.plusSeconds(60), port);
        router.on(new InformationRequested("info-1", c.complaintId(), t0.plusSeconds(120), staff, "几楼？"), t0.plusSeconds(120), port);
        ComplaintState paused = port.states.get(c.complaintId());
        assertThat(paused.status()).isEqualTo(ComplaintStatus.WAITING_ON_RESIDENT);
        router.tick(paused, t0.plus(Duration.ofDays(10)), port);
        assertThat(port.sent(Topics.UPDATES, SlaBreached.class)).as("paused: no breach").isEmpty();

        Instant answered = t0.plus(Duration.ofDays(2));
        router.on(new FollowUpReceived("fu-1", c.complaintId(), answered, Channel.EMAIL, "m1", "thread-headers", "3楼", List.of()), answered, port);
        ComplaintState resumed = port.states.get(c.complaintId());
        assertThat(resumed.sla().paused()).isFalse();
        assertThat(resumed.sla().resolutionDue()).isEqualTo(paused.sla().resolutionDue().plus(Duration.ofDays(2).minusSeconds(120)));
    }

    @Test
    void aReassignmentReroutesWithTheReasonKept() {
        ComplaintReceived c = complaint("楼道灯坏了", "5栋", "201", "g@example.com", t0);
        router.on(c, t0, port);
        Actor staff = new Actor("u1", "李师傅", "maintenance", Actor.Role.STAFF);
        ComplaintReassigned reassigned = new ComplaintReassigned("re-1", c.complaintId(), t0.plusSeconds(300), staff,
                "maintenance", "security", "灯是被人砸坏的 / vandalism");
        router.on(reassigned, t0.plusSeconds(300), port);
        router.on(reassigned, t0.plusSeconds(301), port);

        List<ComplaintRouted> toSecurity = port.sent(Topics.assignments("security"), ComplaintRouted.class);
        assertThat(toSecurity).singleElement().satisfies(r -> {
            assertThat(r.assignment().previousDepartment()).isEqualTo("maintenance");
            assertThat(r.assignment().reason()).isEqualTo("灯是被人砸坏的 / vandalism");
            assertThat(r.assignment().firstResponseDue()).isEqualTo(t0.plusSeconds(300).plus(Duration.ofHours(24)));
        });
        assertThat(port.sent(Topics.ROUTED, ComplaintRouted.class)).hasSize(2);
        assertThat(port.states.get(c.complaintId()).department()).isEqualTo("security");
    }

    @Test
    void aLowSatisfactionScoreReopens() {
        ComplaintReceived c = complaint("楼道灯坏了", "5栋", "201", "h@example.com", t0);
        router.on(c, t0, port);
        Actor staff = new Actor("u1", "李师傅", "maintenance", Actor.Role.STAFF);
        router.on(new ComplaintResolved("res-1", c.complaintId(), t0.plusSeconds(600), staff, "换了灯泡"), t0.plusSeconds(600), port);
        router.on(new FeedbackGiven("fb-1", c.complaintId(), t0.plusSeconds(900), Channel.WEB, 4, "ok"), t0.plusSeconds(900), port);
        assertThat(port.sent(Topics.UPDATES, ComplaintReopened.class)).isEmpty();
        FeedbackGiven bad = new FeedbackGiven("fb-2", c.complaintId(), t0.plusSeconds(1000), Channel.WEB, 1, "还是不亮");
        router.on(bad, t0.plusSeconds(1000), port);
        router.on(bad, t0.plusSeconds(1001), port);
        assertThat(port.sent(Topics.UPDATES, ComplaintReopened.class)).singleElement()
                .satisfies(r -> assertThat(r.reason()).isEqualTo("satisfaction score 1: 还是不亮"));
        ComplaintState state = port.states.get(c.complaintId());
        assertThat(state.status()).isEqualTo(ComplaintStatus.REOPENED);
        assertThat(state.sla().resolved()).isFalse();
    }
}
