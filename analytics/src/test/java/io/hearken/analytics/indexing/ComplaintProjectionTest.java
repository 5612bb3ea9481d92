package io.hearken.analytics.indexing;

import static io.hearken.analytics.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.hearken.events.Actor;
import io.hearken.events.ComplaintReopened;
import io.hearken.events.ComplaintRouted;
import io.hearken.events.Departments;
import io.hearken.events.Events;
import io.hearken.events.privacy.PersonalData;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The fold on its own: order, replays and re-routings. */
class ComplaintProjectionTest {

    final ComplaintProjection projection = new ComplaintProjection(new PersonalData("unit-test"));
    final Instant t0 = Instant.parse("2026-11-02T01:00:00Z");

    @Test
    void aReRoutingMovesTheComplaintAndAnOlderRoutingReplayedDoesNotMoveItBack() {
        var doc = new ComplaintDocument("HK-2222-3333");
        var received = received(newId(), t0, "1号楼", "x");
        var first = routed(received, t0.plusSeconds(1), "facility", Departments.MAINTENANCE);
        var ack = acknowledged(received.complaintId(), t0.plusSeconds(60), Departments.MAINTENANCE);
        var r = routed(received, t0.plusSeconds(120), "environment", Departments.CLEANING);
        var rerouted = new ComplaintRouted(r.eventId(), r.complaintId(), r.at(), received, r.classification(),
                new ComplaintRouted.Assignment(Departments.CLEANING, 2, null, null, null, Departments.MAINTENANCE,
                        "wrong department"), ComplaintRouted.Links.none());

        projection.apply(doc, first);
        projection.apply(doc, ack);
        assertThat(doc.status).isEqualTo("ACKNOWLEDGED");
        projection.apply(doc, rerouted);
        assertThat(doc.status).isEqualTo("ASSIGNED");
        assertThat(doc.department).isEqualTo(Departments.CLEANING);

        var replayedCopy = new ComplaintRouted(Events.newId(), first.complaintId(), first.at(), received,
                first.classification(), first.assignment(), first.links());
        assertThat(projection.apply(doc, replayedCopy)).isTrue();
        assertThat(doc.department).isEqualTo(Departments.CLEANING);
        assertThat(doc.category).isEqualTo("environment");
        assertThat(doc.status).isEqualTo("ASSIGNED");
        assertThat(projection.apply(doc, first)).isFalse(); // the very same event: skipped
        assertThat(doc.eventCount).isEqualTo(4);
    }

    @Test
    void aLateReopeningOlderThanTheLastResolutionDoesNotReopen() {
        var doc = new ComplaintDocument("HK-2222-4444");
        var id = newId();
        projection.apply(doc, received(id, t0, "1号楼", "x"));
        projection.apply(doc, resolved(id, t0.plus(Duration.ofHours(1)), Departments.MAINTENANCE, "ok"));
        projection.apply(doc, new ComplaintReopened(Events.newId(), id, t0.plus(Duration.ofHours(2)),
                new Actor("s", "s", null, Actor.Role.SUPERVISOR), "not fixed"));
        assertThat(doc.status).isEqualTo("REOPENED");
        assertThat(doc.open).isTrue();
        assertThat(doc.resolutionMinutes).isNull();
        projection.apply(doc, resolved(id, t0.plus(Duration.ofHours(4)), Departments.MAINTENANCE, "really ok"));
        assertThat(doc.status).isEqualTo("RESOLVED");
        assertThat(doc.resolutionMinutes).isEqualTo(240L);

        // A reopening from before the second resolution, delivered late.
        projection.apply(doc, new ComplaintReopened(Events.newId(), id, t0.plus(Duration.ofHours(3)),
                new Actor("s", "s", null, Actor.Role.SUPERVISOR), "late"));
        assertThat(doc.status).isEqualTo("RESOLVED");
        assertThat(doc.reopens).isEqualTo(2);

        projection.apply(doc, feedback(id, t0.plus(Duration.ofHours(5)), 2));
        assertThat(doc.satisfaction).isEqualTo(2);
        assertThat(doc.status).isEqualTo("RESOLVED"); // a low score does not close; the router reopens
        assertThat(doc.slaStatus).isEqualTo("MET");
    }

    @Test
    void aResponseAfterItsDeadlineIsABreachEvenWithoutTheClocksEvent() {
        var doc = new ComplaintDocument("HK-2222-5555");
        var received = received(newId(), t0, "1号楼", "x");
        projection.apply(doc, routed(received, t0.plusSeconds(1), "facility", Departments.MAINTENANCE));
        projection.apply(doc, acknowledged(received.complaintId(), t0.plus(Duration.ofHours(5)), Departments.MAINTENANCE));
        assertThat(doc.slaFirstResponse).isEqualTo("BREACHED");
        assertThat(doc.slaStatus).isEqualTo("BREACHED");
        assertThat(doc.slaMet).isZero();
        assertThat(doc.firstResponseMinutes).isEqualTo(300L);
    }
}
