package io.hearken.router.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearken.events.Actor;
import io.hearken.events.Channel;
import io.hearken.events.ClassificationCorrected;
import io.hearken.events.ComplaintAcknowledged;
import io.hearken.events.ComplaintReassigned;
import io.hearken.events.ComplaintReceived;
import io.hearken.events.ComplaintRouted;
import io.hearken.events.ComplaintStatus;
import io.hearken.events.Contact;
import io.hearken.events.Place;
import io.hearken.events.ResidentType;
import io.hearken.events.Topics;
import io.hearken.events.TrackingIds;
import io.hearken.events.Urgency;
import io.hearken.events.privacy.PersonalData;
import io.hearken.router.assignment.RoutingTable;
import io.hearken.router.classification.Models;
import io.hearken.router.history.LinkingComplaint;
import io.hearken.router.sla.SlaConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A supervisor's corrected category and urgency (issue #18), followed like a reassignment: the router's state and SLA
 * clock take the new urgency and it publishes a routing with the corrected classification to the same department.
 */
class CorrectingClassificationTest {

    private final RoutingComplaints router = new RoutingComplaints(Models.defaultClassifier(), RoutingTable.defaults(),
            SlaConfig.defaults(), new LinkingComplaint(Duration.ofHours(24), Duration.ofDays(30), 0.3),
            new PersonalData("test-secret"));
    private final RoutingComplaintsTest.MemoryPort port = new RoutingComplaintsTest.MemoryPort();
    private final Instant t0 = Instant.parse("2026-11-23T03:00:00Z");
    private final Actor supervisor = new Actor("wang.fang", "王芳", "maintenance", Actor.Role.SUPERVISOR);

    private ComplaintReceived complaint(String text) {
        return new ComplaintReceived("r-" + text.hashCode(), TrackingIds.next(), t0, Channel.WALK_IN, "desk", null,
                new Contact("张伟", "c@example.com", null), ResidentType.OWNER, Place.of("5栋", "201"), null, text, null,
                "zh-CN", List.of(), Map.of(), new Actor("zhou.min", "周敏", "triage", Actor.Role.STAFF));
    }

    @Test
    void theCorrectedUrgencySetsTheDeadlinesAndPriorityOfANewRoutingToTheSameDepartment() {
        ComplaintReceived c = complaint("楼道灯坏了");
        router.on(c, t0, port);
        ComplaintRouted first = port.sent(Topics.ROUTED, ComplaintRouted.class).get(0);
        String department = first.assignment().department();
        Urgency was = first.classification().urgency();
        assertThat(was).isNotEqualTo(Urgency.URGENT);
        Instant acknowledged = t0.plusSeconds(600);
        router.on(new ComplaintAcknowledged("ack-1", c.complaintId(), acknowledged, supervisor), acknowledged, port);

        Instant at = t0.plusSeconds(1200);
        ClassificationCorrected corrected = new ClassificationCorrected("fix-1", c.complaintId(), at, supervisor,
                first.classification().category(), "safety", was, Urgency.URGENT, "电线裸露");
        router.on(corrected, at, port);
        router.on(corrected, at.plusSeconds(1), port); // redelivered: nothing more

        List<ComplaintRouted> routings = port.sent(Topics.ROUTED, ComplaintRouted.class);
        assertThat(routings).hasSize(2);
        assertThat(port.sent(Topics.assignments(department), ComplaintRouted.class)).hasSize(2);
        ComplaintRouted again = routings.get(1);
        assertThat(again.classification().category()).isEqualTo("safety");
        assertThat(again.classification().urgency()).isEqualTo(Urgency.URGENT);
        assertThat(again.classification().confidence()).isEqualTo(1.0);
        assertThat(again.classification().needsTriage()).isFalse();
        assertThat(again.classification().reasons()).last().asString().contains("corrected by wang.fang");
        // The same department, no previous one (the status stays, the resident gets no mail), a reason.
        assertThat(again.assignment().department()).isEqualTo(department);
        assertThat(again.assignment().previousDepartment()).isNull();
        assertThat(again.assignment().reason()).isEqualTo("classification corrected");
        assertThat(again.assignment().priority()).isLessThan(first.assignment().priority());
        // URGENT: resolution within 24 h of receipt; the first response was given and keeps its deadline.
        assertThat(again.assignment().resolutionDue()).isEqualTo(t0.plus(Duration.ofHours(24)));
        assertThat(again.assignment().firstResponseDue()).isEqualTo(first.assignment().firstResponseDue());
        ComplaintState state = port.states.get(c.complaintId());
        assertThat(state.status()).isEqualTo(ComplaintStatus.ACKNOWLEDGED);
        assertThat(state.sla().resolutionDue()).isEqualTo(t0.plus(Duration.ofHours(24)));
        assertThat(state.seen()).contains("fix-1", again.eventId());
        assertThat(port.rejected).isEmpty();

        // A later reassignment carries the corrected classification on.
        router.on(new ComplaintReassigned("re-1", c.complaintId(), at.plusSeconds(60), supervisor, department,
                "security", "保安部处理"), at.plusSeconds(60), port);
        assertThat(port.sent(Topics.assignments("security"), ComplaintRouted.class)).singleElement()
                .satisfies(r -> assertThat(r.classification().urgency()).isEqualTo(Urgency.URGENT));
    }

    @Test
    void aCorrectionKeepsWhatWasReadAboutTheResidentAndItsRaiseInPriority() {
        ComplaintReceived c = complaint("停水两天了，孩子发烧，家里没有一滴水，我们快撑不住了");
        router.on(c, t0, port);
        ComplaintRouted first = port.sent(Topics.ROUTED, ComplaintRouted.class).get(0);
        assertThat(first.classification().sentiment()).isEqualTo(io.hearken.events.Sentiment.DISTRESSED);
        assertThat(first.assignment().priorityReasons()).anyMatch(r -> r.startsWith("resident distressed"));

        Instant at = t0.plusSeconds(600);
        router.on(new ClassificationCorrected("fix-d", c.complaintId(), at, supervisor, first.classification().category(),
                "plumbing", first.classification().urgency(), first.classification().urgency(), "类别改为给排水"), at, port);

        ComplaintRouted again = port.sent(Topics.ROUTED, ComplaintRouted.class).get(1);
        assertThat(again.classification().category()).isEqualTo("plumbing");
        assertThat(again.classification().sentiment()).isEqualTo(io.hearken.events.Sentiment.DISTRESSED);
        assertThat(again.classification().customerType()).isEqualTo(first.classification().customerType());
        assertThat(again.assignment().priorityReasons()).anyMatch(r -> r.startsWith("resident distressed"));
        assertThat(again.assignment().priority()).isEqualTo(first.assignment().priority());
    }

    @Test
    void beforeAnyResponseTheFirstResponseDeadlineFollowsTheNewUrgencyToo() {
        ComplaintReceived c = complaint("垃圾桶满了");
        router.on(c, t0, port);
        ComplaintRouted first = port.sent(Topics.ROUTED, ComplaintRouted.class).get(0);
        Instant at = t0.plusSeconds(300);
        router.on(new ClassificationCorrected("fix-2", c.complaintId(), at, supervisor, first.classification().category(),
                first.classification().category(), first.classification().urgency(), Urgency.URGENT, null), at, port);
        ComplaintRouted again = port.sent(Topics.ROUTED, ComplaintRouted.class).get(1);
        assertThat(again.assignment().firstResponseDue()).isEqualTo(t0.plus(Duration.ofHours(1)));
        assertThat(port.states.get(c.complaintId()).status()).isEqualTo(ComplaintStatus.ASSIGNED);
    }
}
