package io.hearken.analytics.indexing;

import static io.hearken.analytics.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.hearken.events.Actor;
import io.hearken.events.Channel;
import io.hearken.events.ComplaintEvent;
import io.hearken.events.FollowUpReceived;
import io.hearken.events.InformationRequested;
import io.hearken.events.ComplaintReopened;
import io.hearken.events.ComplaintRouted;
import io.hearken.events.Departments;
import io.hearken.events.Events;
import io.hearken.events.privacy.PersonalData;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
    void sentimentAndCustomerTypeComeFromTheLatestRoutingAndOlderRoutingsKeepTheChannelsType() {
        var old = new ComplaintDocument("HK-2222-6666");
        var received = received(newId(), t0, "1号楼", "x"); // the channel said TENANT
        projection.apply(old, routed(received, t0.plusSeconds(1), "facility", Departments.MAINTENANCE));
        assertThat(old.sentiment).isNull();
        assertThat(old.customerType).isEqualTo("TENANT");

        var doc = new ComplaintDocument("HK-2222-7777");
        var shop = received(newId(), t0, "1号楼", "我们店门口的下水道堵了，气死了");
        projection.apply(doc, routed(shop, t0.plusSeconds(1), "facility", Departments.MAINTENANCE,
                io.hearken.events.Sentiment.ANGRY, io.hearken.events.ResidentType.BUSINESS));
        assertThat(doc.sentiment).isEqualTo("ANGRY");
        assertThat(doc.customerType).isEqualTo("BUSINESS");
        projection.apply(doc, received(shop.complaintId(), t0, "1号楼", "x")); // a late intake record changes neither
        assertThat(doc.customerType).isEqualTo("BUSINESS");
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

    @Test
    void anyArrivalOrderAndAnyReplayEndInTheSameState() {
        var id = newId();
        var received = received(id, t0, "1号楼", "电梯坏了");
        List<ComplaintEvent> life = List.of(received,
                routed(received, t0.plusSeconds(1), "facility", Departments.MAINTENANCE),
                acknowledged(id, t0.plus(Duration.ofMinutes(20)), Departments.MAINTENANCE),
                note(id, t0.plus(Duration.ofMinutes(30)), Departments.MAINTENANCE, "on the way", true),
                resolved(id, t0.plus(Duration.ofHours(2)), Departments.MAINTENANCE, "fixed"),
                feedback(id, t0.plus(Duration.ofHours(3)), 5));
        String inOrder = fold(life);
        assertThat(inOrder).contains("status=CLOSED", "department=maintenance", "first=20", "resolution=120",
                "sla=MET", "satisfaction=5");

        for (List<ComplaintEvent> order : permutations(life)) { // 720 arrival orders
            var doc = new ComplaintDocument(id.value());
            order.forEach(e -> projection.apply(doc, e));
            assertThat(state(doc)).as("order %s", order.stream().map(ComplaintEvent::eventId).toList())
                    .isEqualTo(inOrder);
            // Everything delivered once more, in reverse: nothing is applied, nothing changes.
            for (int i = life.size() - 1; i >= 0; i--) {
                assertThat(projection.apply(doc, life.get(i))).isFalse();
            }
            assertThat(state(doc)).isEqualTo(inOrder);
        }
    }

    @Test
    void aReplyThatArrivesBeforeTheQuestionStillAnswersIt() {
        var id = newId();
        var received = received(id, t0, "1号楼", "楼道灯坏了");
        List<ComplaintEvent> life = List.of(received,
                routed(received, t0.plusSeconds(1), "facility", Departments.MAINTENANCE),
                new InformationRequested(Events.newId(), id, t0.plus(Duration.ofMinutes(10)),
                        staff(Departments.MAINTENANCE), "几楼？"),
                new FollowUpReceived(Events.newId(), id, t0.plus(Duration.ofMinutes(15)), Channel.WEB, "ref",
                        "tracking-id", "12楼", List.of()));
        String inOrder = fold(life);
        assertThat(inOrder).contains("status=ACKNOWLEDGED", "first=10");
        for (List<ComplaintEvent> order : permutations(life)) {
            var doc = new ComplaintDocument(id.value());
            order.forEach(e -> projection.apply(doc, e));
            assertThat(state(doc)).isEqualTo(inOrder);
        }
    }

    private String fold(List<ComplaintEvent> events) {
        var doc = new ComplaintDocument("HK-2222-6666");
        events.forEach(e -> projection.apply(doc, e));
        return state(doc);
    }

    private static String state(ComplaintDocument d) {
        return "status=" + d.status + " open=" + d.open + " department=" + d.department + " category=" + d.category
                + " first=" + d.firstResponseMinutes + " resolution=" + d.resolutionMinutes + " sla=" + d.slaStatus
                + " satisfaction=" + d.satisfaction + " received=" + d.receivedAt + " events=" + d.eventCount;
    }

    private static <T> List<List<T>> permutations(List<T> items) {
        if (items.isEmpty()) {
            return List.of(List.of());
        }
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            List<T> rest = new ArrayList<>(items);
            T head = rest.remove(i);
            for (List<T> tail : permutations(rest)) {
                List<T> p = new ArrayList<>();
                p.add(head);
                p.addAll(tail);
                out.add(p);
            }
        }
        return out;
    }

    @Test
    void anAnonymisedComplaintKeepsItsFiguresAndNoEventBringsTheResidentBack() {
        var doc = new ComplaintDocument("HK-2222-5555");
        var id = newId();
        var received = received(id, t0, "3号楼", "暖气不热");
        projection.apply(doc, routed(received, t0.plusSeconds(1), "heating", Departments.MAINTENANCE));
        projection.apply(doc, resolved(id, t0.plus(Duration.ofHours(2)), Departments.MAINTENANCE, "修好了"));
        assertThat(doc.contactHash).isNotNull();
        assertThat(doc.unit).isEqualTo("1203");

        projection.apply(doc, new io.hearken.events.ComplaintAnonymised(Events.newId(), id, t0.plus(Duration.ofDays(1)),
                Actor.system("retention-policy"), "RT-1", "retention"));
        assertThat(doc.anonymised).isTrue();
        assertThat(doc.description).isNull();
        assertThat(doc.subject).isNull();
        assertThat(doc.unit).isNull();
        assertThat(doc.contactHash).isNull();
        assertThat(doc.status).isEqualTo("RESOLVED");
        assertThat(doc.resolutionMinutes).isEqualTo(120);
        assertThat(doc.category).isEqualTo("heating");
        assertThat(doc.building).isEqualTo("3号楼");

        // A routing read before the key went (so still with the resident's words) and folded late: nothing comes back.
        projection.apply(doc, routed(received(id, t0, "3号楼", "暖气不热"), t0.plusSeconds(2), "heating",
                Departments.MAINTENANCE));
        assertThat(doc.description).isNull();
        assertThat(doc.contactHash).isNull();
        assertThat(doc.unit).isNull();
        // A replay after the key went: the personal fields read back absent, the fold copes.
        var anonymous = new io.hearken.events.ComplaintReceived(Events.newId(), id, t0, Channel.WEB, "form", "ref",
                null, null, io.hearken.events.Place.of("3号楼", null), null, null, null, "zh-CN", null, null);
        assertThat(projection.apply(new ComplaintDocument("HK-2222-6666"), anonymous)).isTrue();
        var event = EventDocument.of(resolved(id, t0.plus(Duration.ofHours(3)), Departments.MAINTENANCE, "再次修好"),
                "complaints.updates", doc, t0);
        assertThat(event.text()).isNull();
    }

    @Test
    void aWalkInKeepsItsChannelAndACorrectedClassificationIsIndexedAtOnce() {
        var id = newId();
        var doc = new ComplaintDocument(id.value());
        var r = received(id, t0, "5号楼", "楼道灯不亮");
        var walkIn = new io.hearken.events.ComplaintReceived(r.eventId(), id, r.at(), Channel.WALK_IN, "desk",
                "desk:zhou.min:k1", r.contact(), r.residentType(), r.place(), r.subject(), r.description(), null,
                r.language(), List.of(), java.util.Map.of(), staff(Departments.TRIAGE));
        var first = routed(walkIn, t0.plusSeconds(1), "facility", Departments.MAINTENANCE);
        projection.apply(doc, first);
        assertThat(doc.channel).isEqualTo("WALK_IN");
        assertThat(doc.via).isEqualTo("desk");

        projection.apply(doc, new io.hearken.events.HandlerAssigned(Events.newId(), id, t0.plusSeconds(60),
                staff(Departments.MAINTENANCE), new Actor("li.wei", "李伟", Departments.MAINTENANCE, Actor.Role.STAFF)));
        var corrected = new io.hearken.events.ClassificationCorrected(Events.newId(), id, t0.plusSeconds(120),
                staff(Departments.MAINTENANCE), "facility", "safety", first.classification().urgency(),
                io.hearken.events.Urgency.URGENT, "漏电");
        assertThat(projection.apply(doc, corrected)).isTrue();
        assertThat(doc.category).isEqualTo("safety");
        assertThat(doc.urgency).isEqualTo("URGENT");
        assertThat(doc.confidence).isEqualTo(1.0);
        assertThat(doc.status).isEqualTo("ASSIGNED");
        // The first routing replayed after the correction does not bring the old category back.
        assertThat(projection.apply(doc, new ComplaintRouted(Events.newId(), id, first.at(), walkIn,
                first.classification(), first.assignment(), first.links()))).isTrue();
        assertThat(doc.category).isEqualTo("safety");
    }
}
