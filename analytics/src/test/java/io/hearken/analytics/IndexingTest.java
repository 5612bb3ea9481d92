package io.hearken.analytics;

import static io.hearken.analytics.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.hearken.analytics.indexing.EventDocument;
import io.hearken.readmodel.ComplaintLookup;
import io.hearken.readmodel.TimelineEntry;
import io.hearken.events.ComplaintId;
import io.hearken.events.Departments;
import io.hearken.events.Topics;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Events published to the real topics end up as one current-state document and one document per event. */
class IndexingTest extends AnalyticsIntegrationTest {

    @Autowired
    ComplaintLookup lookup;

    @Test
    void aComplaintsWholeLifeIsFoldedIntoItsDocumentAndItsEvents() throws Exception {
        ComplaintId id = newId();
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofDays(1));
        var received = received(id, t0, "3号楼", "三号楼电梯困人，请尽快处理");
        var routed = routed(received, t0.plusSeconds(5), "facility", Departments.MAINTENANCE);
        var ack = acknowledged(id, t0.plus(Duration.ofMinutes(30)), Departments.MAINTENANCE);
        var internal = note(id, t0.plus(Duration.ofMinutes(40)), Departments.MAINTENANCE, "内部备注：业主脾气大", false);
        var visible = note(id, t0.plus(Duration.ofMinutes(50)), Departments.MAINTENANCE, "维修人员已出发", true);
        var resolved = resolved(id, t0.plus(Duration.ofHours(3)), Departments.MAINTENANCE, "电梯已修复");
        var feedback = feedback(id, t0.plus(Duration.ofHours(5)), 5);

        publish(Topics.INTAKE_WEB, received);
        publish(Topics.ROUTED, routed);
        publish(Topics.UPDATES, ack, internal, visible, resolved);
        publish(Topics.INTAKE_WEB, feedback);

        var doc = awaitComplaint(id, d -> d.eventCount == 7);
        assertThat(doc.status).isEqualTo("CLOSED");
        assertThat(doc.open).isFalse();
        assertThat(doc.category).isEqualTo("facility");
        assertThat(doc.department).isEqualTo(Departments.MAINTENANCE);
        assertThat(doc.channel).isEqualTo("WEB");
        assertThat(doc.building).isEqualTo("3号楼");
        assertThat(doc.residentType).isEqualTo("TENANT");
        assertThat(doc.firstResponseMinutes).isEqualTo(30L);
        assertThat(doc.resolutionMinutes).isEqualTo(180L);
        assertThat(doc.slaFirstResponse).isEqualTo("MET");
        assertThat(doc.slaResolution).isEqualTo("MET");
        assertThat(doc.slaStatus).isEqualTo("MET");
        assertThat(doc.satisfaction).isEqualTo(5);
        assertThat(doc.contactHash).hasSize(32);

        awaitEvent(feedback.eventId());
        awaitEvent(resolved.eventId());
        assertThat(events(id)).extracting(EventDocument::eventId).containsExactlyInAnyOrder(received.eventId(),
                routed.eventId(), ack.eventId(), internal.eventId(), visible.eventId(), resolved.eventId(),
                feedback.eventId());

        var view = lookup.find(id).orElseThrow();
        assertThat(view.status()).isEqualTo("CLOSED");
        assertThat(view.department()).isEqualTo(Departments.MAINTENANCE);
        assertThat(view.description()).isEqualTo("三号楼电梯困人，请尽快处理");

        refresh(); // the timeline is a search: near-real-time
        var timeline = lookup.timeline(id);
        assertThat(timeline).extracting(TimelineEntry::eventId).containsExactly(received.eventId(), routed.eventId(),
                ack.eventId(), visible.eventId(), resolved.eventId(), feedback.eventId());
        assertThat(timeline).extracting(TimelineEntry::text).contains("维修人员已出发", "电梯已修复")
                .doesNotContain("内部备注：业主脾气大");
        assertThat(timeline.get(timeline.size() - 1).status()).isEqualTo("CLOSED");
        // The internal note's text is nowhere in the events index.
        assertThat(raw("GET", "/" + "complaint-events/_doc/" + internal.eventId())).doesNotContain("业主脾气大");
    }

    @Test
    void aRedeliveredEventMakesNoSecondDocumentAndChangesNothing() throws Exception {
        ComplaintId id = newId();
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        var received = received(id, t0, "5号楼", "楼道灯坏了");
        var routed = routed(received, t0.plusSeconds(1), "facility", Departments.MAINTENANCE);
        var ack = acknowledged(id, t0.plusSeconds(60), Departments.MAINTENANCE);
        publish(Topics.ROUTED, routed);
        publish(Topics.UPDATES, ack);
        var before = awaitComplaint(id, d -> d.eventCount == 2);
        assertThat(before.status).isEqualTo("ACKNOWLEDGED");

        // The same events again (a producer retry, a consumer restart before its commit)...
        publish(Topics.ROUTED, routed);
        publish(Topics.UPDATES, ack, ack);
        // ...then a marker behind them on the same partitions: once it is in, the duplicates were processed.
        var marker = note(id, t0.plusSeconds(120), Departments.MAINTENANCE, "marker", false);
        var routedMarker = new io.hearken.events.NotificationSent(io.hearken.events.Events.newId(), id,
                t0.plusSeconds(121), "acknowledgement", "email", "z***@example.com", "<m@x>", routed.eventId());
        publish(Topics.UPDATES, marker);
        publish(Topics.NOTIFICATIONS, routedMarker);
        publish(Topics.ROUTED, routed); // and once more after the marker, on the routed topic
        var after = awaitComplaint(id, d -> d.eventCount == 4);
        awaitEvent(marker.eventId());
        awaitEvent(routedMarker.eventId());
        var marker2 = note(id, t0.plusSeconds(130), Departments.MAINTENANCE, "marker 2", false);
        publish(Topics.UPDATES, marker2);
        after = awaitComplaint(id, d -> d.eventCount == 5);
        awaitEvent(marker2.eventId()); // the complaint document can be visible a moment before its events'

        assertThat(after.status).isEqualTo("ACKNOWLEDGED");
        assertThat(after.firstResponseMinutes).isEqualTo(1L);
        assertThat(after.notificationsSent).isEqualTo(1);
        assertThat(after.appliedEvents).doesNotHaveDuplicates().hasSize(5);
        assertThat(events(id)).extracting(EventDocument::eventId).doesNotHaveDuplicates().hasSize(5);
    }

    @Test
    void aLateRoutingAfterTheResolutionDoesNotRollTheStatusBack() throws Exception {
        ComplaintId id = newId();
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(2));
        var received = received(id, t0, "7号楼", "垃圾没有清运");
        var routed = routed(received, t0.plusSeconds(2), "environment", Departments.CLEANING);
        var resolved = resolved(id, t0.plus(Duration.ofHours(1)), Departments.CLEANING, "已清运");

        publish(Topics.UPDATES, resolved); // the updates topic ran ahead of the routed topic
        var first = awaitComplaint(id, d -> "RESOLVED".equals(d.status));
        assertThat(first.department).isNull();

        publish(Topics.ROUTED, routed);
        var after = awaitComplaint(id, d -> d.eventCount == 2);
        assertThat(after.status).isEqualTo("RESOLVED");
        assertThat(after.department).isEqualTo(Departments.CLEANING);
        assertThat(after.category).isEqualTo("environment");
        assertThat(after.receivedAt).isEqualTo(t0);
        assertThat(after.resolutionMinutes).isEqualTo(60L);
        assertThat(after.open).isFalse();
    }

    @Test
    void breachesEscalationsAndRepeatsAreCounted() throws Exception {
        ComplaintId id = newId();
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofDays(3));
        var received = received(id, t0, "9号楼", "噪音扰民，每天晚上施工");
        var r = routed(received, t0.plusSeconds(1), "noise", Departments.SECURITY);
        var routed = new io.hearken.events.ComplaintRouted(r.eventId(), id, r.at(), received, r.classification(),
                r.assignment(), new io.hearken.events.ComplaintRouted.Links(null, true, java.util.List.of(newId())));
        var breach = new io.hearken.events.SlaBreached(io.hearken.events.Events.newId(), id, t0.plus(Duration.ofHours(5)),
                io.hearken.events.SlaClock.FIRST_RESPONSE, t0.plus(Duration.ofHours(4)), Departments.SECURITY);
        var escalation = escalated(id, t0.plus(Duration.ofHours(5)).plusSeconds(1), Departments.SECURITY);
        publish(Topics.ROUTED, routed);
        publish(Topics.UPDATES, breach, escalation);

        var doc = awaitComplaint(id, d -> d.eventCount == 3);
        assertThat(doc.status).isEqualTo("ASSIGNED");
        assertThat(doc.open).isTrue();
        assertThat(doc.slaFirstResponse).isEqualTo("BREACHED");
        assertThat(doc.slaStatus).isEqualTo("BREACHED");
        assertThat(doc.slaMet).isEqualTo(0);
        assertThat(doc.escalations).isEqualTo(1);
        assertThat(doc.escalationLevel).isEqualTo("SUPERVISOR");
        assertThat(doc.repeat).isTrue();
        assertThat(doc.repeatOf).hasSize(1);
        // Internal events are not on the resident's timeline.
        awaitEvent(escalation.eventId());
        refresh();
        assertThat(lookup.timeline(id)).extracting(TimelineEntry::type).containsExactly("complaint-routed");
    }
}
