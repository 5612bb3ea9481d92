package io.hearken.analytics.indexing;

import static io.hearken.analytics.Fixtures.feedback;
import static io.hearken.analytics.Fixtures.newId;
import static io.hearken.analytics.Fixtures.received;
import static io.hearken.analytics.Fixtures.resolved;
import static io.hearken.analytics.Fixtures.routed;
import static org.assertj.core.api.Assertions.assertThat;

import io.hearken.events.Actor;
import io.hearken.events.ComplaintReassigned;
import io.hearken.events.ComplaintRouted;
import io.hearken.events.Departments;
import io.hearken.events.Events;
import io.hearken.events.HandlerAssigned;
import io.hearken.events.ReturnVisitRecorded;
import io.hearken.events.ReturnVisitRule;
import io.hearken.events.Urgency;
import io.hearken.events.privacy.PersonalData;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The fold's return-visit and handler fields: the office's rule applied to the state, in any order. */
class ReturnVisitProjectionTest {

    static final Actor LI_WEI = new Actor("li.wei", "李伟", Departments.MAINTENANCE, Actor.Role.STAFF);
    final ComplaintProjection projection = new ComplaintProjection(new PersonalData("unit-test"),
            new ReturnVisitRule(2, true, Duration.ofDays(3), Set.of("noise")));
    final Instant t0 = Instant.parse("2026-11-02T01:00:00Z");

    @Test
    void aLowRatingCallsForAVisitAFiveDoesNotAndAVisitSettlesIt() {
        var low = new ComplaintDocument("HK-2222-7777");
        var received = received(newId(), t0, "1号楼", "x");
        projection.apply(low, routed(received, t0.plusSeconds(1), "facility", Departments.MAINTENANCE));
        projection.apply(low, resolved(received.complaintId(), t0.plusSeconds(60), Departments.MAINTENANCE, "ok"));
        assertThat(low.returnVisitDue).isNull(); // a normal complaint, not yet rated
        projection.apply(low, feedback(received.complaintId(), t0.plusSeconds(120), 2));
        assertThat(low.returnVisitReason).isEqualTo("LOW_SCORE");
        assertThat(low.returnVisitDue).isEqualTo(t0.plusSeconds(120).plus(Duration.ofDays(3)));
        assertThat(low.returnVisitPending).isTrue();
        projection.apply(low, new ReturnVisitRecorded(Events.newId(), received.complaintId(), t0.plusSeconds(3600),
                LI_WEI, true, true, "好了", false));
        assertThat(low.returnVisitPending).isFalse();
        assertThat(low.returnVisitReached).isTrue();
        assertThat(low.returnVisitSatisfied).isTrue();
        assertThat(low.returnVisits).isEqualTo(1);

        var five = new ComplaintDocument("HK-2222-8888");
        var other = received(newId(), t0, "1号楼", "y");
        projection.apply(five, feedback(other.complaintId(), t0.plusSeconds(120), 5)); // before its resolution arrives
        projection.apply(five, routed(other, t0.plusSeconds(1), "facility", Departments.MAINTENANCE));
        projection.apply(five, resolved(other.complaintId(), t0.plusSeconds(60), Departments.MAINTENANCE, "ok"));
        assertThat(five.status).isEqualTo("CLOSED");
        assertThat(five.returnVisitDue).isNull();
        assertThat(five.returnVisitPending).isNull();
    }

    @Test
    void anUrgentOrRuledCategoryComplaintIsVisitedOnceResolved() {
        var doc = new ComplaintDocument("HK-2222-9999");
        var received = received(newId(), t0, "1号楼", "x");
        var plain = routed(received, t0.plusSeconds(1), "facility", Departments.MAINTENANCE);
        projection.apply(doc, new ComplaintRouted(plain.eventId(), plain.complaintId(), plain.at(), received,
                new ComplaintRouted.Classification("facility", Urgency.URGENT, 0.9, false, List.of(), List.of()),
                plain.assignment(), plain.links()));
        assertThat(doc.returnVisitDue).isNull(); // open
        projection.apply(doc, resolved(received.complaintId(), t0.plusSeconds(600), Departments.MAINTENANCE, "ok"));
        assertThat(doc.returnVisitReason).isEqualTo("URGENT");
        assertThat(doc.returnVisitDue).isEqualTo(t0.plusSeconds(600).plus(Duration.ofDays(3)));

        var noise = new ComplaintDocument("HK-2223-2222");
        var loud = received(newId(), t0, "1号楼", "z");
        projection.apply(noise, routed(loud, t0.plusSeconds(1), "noise", Departments.SECURITY));
        projection.apply(noise, resolved(loud.complaintId(), t0.plusSeconds(60), Departments.SECURITY, "ok"));
        assertThat(noise.returnVisitReason).isEqualTo("CATEGORY");
    }

    @Test
    void theHandlerIsTheLatestNamedAndAReassignmentClearsIt() {
        var doc = new ComplaintDocument("HK-2223-3333");
        var received = received(newId(), t0, "1号楼", "x");
        projection.apply(doc, routed(received, t0.plusSeconds(1), "facility", Departments.MAINTENANCE));
        projection.apply(doc, new HandlerAssigned(Events.newId(), received.complaintId(), t0.plusSeconds(60), LI_WEI, LI_WEI));
        assertThat(doc.handler).isEqualTo("li.wei");
        assertThat(doc.handlerName).isEqualTo("李伟");
        projection.apply(doc, new ComplaintReassigned(Events.newId(), received.complaintId(), t0.plusSeconds(120), LI_WEI,
                Departments.MAINTENANCE, Departments.CLEANING, "not ours"));
        assertThat(doc.handler).isNull();
        // An older naming delivered late does not bring it back.
        projection.apply(doc, new HandlerAssigned(Events.newId(), received.complaintId(), t0.plusSeconds(90), LI_WEI, LI_WEI));
        assertThat(doc.handler).isNull();
    }
}
