package io.hearken.notifier.complaints;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearken.events.Actor;
import io.hearken.events.Channel;
import io.hearken.events.ComplaintAcknowledged;
import io.hearken.events.ComplaintAnonymised;
import io.hearken.events.ComplaintEvent;
import io.hearken.events.ComplaintId;
import io.hearken.events.ComplaintReceived;
import io.hearken.events.ComplaintResolved;
import io.hearken.events.ComplaintRouted;
import io.hearken.events.ComplaintSnapshot;
import io.hearken.events.ComplaintStatus;
import io.hearken.events.Contact;
import io.hearken.events.Events;
import io.hearken.events.FeedbackGiven;
import io.hearken.events.Place;
import io.hearken.events.ProgressNoted;
import io.hearken.events.ResidentType;
import io.hearken.events.TrackingIds;
import io.hearken.events.Urgency;
import io.hearken.events.json.EventJson;
import io.hearken.events.privacy.InMemoryKeys;
import io.hearken.events.privacy.PersonalFields;
import io.hearken.events.privacy.Sealing;
import io.hearken.events.store.TestLocalState;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;

/**
 * The directory on its local store, without Kafka (its tail is never started; the state records are handed to it
 * as the tail would): the facts read back are those of the routing, the newest routing wins, the walks see open and
 * done complaints apart, and nothing of the resident lies readable in the store, before or after an erasure.
 */
class ComplaintDirectoryOnDiskTest {

    static final Actor STAFF = new Actor("li.na", "Li Na", "maintenance", Actor.Role.STAFF);

    final InMemoryKeys keys = new InMemoryKeys();
    final ComplaintDirectory directory = new ComplaintDirectory(new DefaultKafkaConsumerFactory<>(Map.of()),
            new Sealing(() -> keys, Optional::empty, EventJson.mapper()), TestLocalState.fresh());

    @AfterEach
    void close() {
        directory.close();
    }

    @Test
    void theFactsReadBackAreThoseOfTheRouting() {
        ComplaintRouted byMail = routed(TrackingIds.next(), Channel.EMAIL, "<abc.123@mail.example.com>",
                new Contact("  王  小明 ", " wang.xm@example.com ", "13800138000"), null,
                "楼道的灯坏了一个星期，晚上回家很黑，老人孩子上下楼梯很危险，请尽快派人来修理，谢谢！再说一遍：灯坏了。",
                "maintenance");
        ComplaintRouted byWeb = routed(TrackingIds.next(), Channel.WEB, "idem-1", null, "  Lift\n broken ", "x",
                "facility");
        for (ComplaintRouted routed : List.of(byMail, byWeb)) {
            directory.remember(routed);
            assertThat(directory.find(routed.complaintId())).hasValue(ComplaintFacts.of(routed));
            assertThat(directory.knows(routed.complaintId())).isTrue();
        }
        assertThat(directory.find(byMail.complaintId()).orElseThrow().originalMessageId())
                .isEqualTo("<abc.123@mail.example.com>");
        assertThat(directory.find(byWeb.complaintId()).orElseThrow().subject()).isEqualTo("Lift broken");
        assertThat(directory.find(TrackingIds.next())).isEmpty();
    }

    @Test
    void theNewestRoutingWinsWhicheverWayItCame() {
        ComplaintRouted first = routed(TrackingIds.next(), Channel.WEB, null, contact(), "Leak", "x", "maintenance");
        ComplaintRouted second = reroutedLater(first, "cleaning");
        directory.remember(second);
        directory.remember(first); // late: an older routing changes nothing
        directory.accept(first.complaintId(), snapshot(first)); // a state record behind the listener
        assertThat(directory.find(first.complaintId()).orElseThrow().department()).isEqualTo("cleaning");
        directory.accept(first.complaintId(), snapshot(first, second));
        assertThat(directory.find(first.complaintId()).orElseThrow().department()).isEqualTo("cleaning");
    }

    @Test
    void theWalksSeeWhereEachComplaintStands() {
        Instant t = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofDays(3));
        ComplaintRouted open = routedAt(routed(TrackingIds.next(), Channel.WEB, null, contact(), "Open", "x", "dept-a"), t);
        ComplaintRouted done = routedAt(routed(TrackingIds.next(), Channel.WEB, null, contact(), "Done", "x", "dept-a"), t);
        ComplaintRouted onlyHeard = routed(TrackingIds.next(), Channel.WEB, null, contact(), "Listener", "x", "dept-b");
        ComplaintAcknowledged ack = new ComplaintAcknowledged(Events.newId(), open.complaintId(), t.plusSeconds(60), STAFF);
        ProgressNoted internal = new ProgressNoted(Events.newId(), open.complaintId(), t.plusSeconds(120), STAFF,
                "internal", false);
        ComplaintResolved resolved = new ComplaintResolved(Events.newId(), done.complaintId(), t.plusSeconds(60), STAFF,
                "fixed");
        FeedbackGiven rating = new FeedbackGiven(Events.newId(), done.complaintId(), t.plusSeconds(90), Channel.WEB, 5,
                "thanks");
        directory.accept(open.complaintId(), snapshot(open, ack, internal));
        directory.accept(done.complaintId(), snapshot(done));
        directory.remember(onlyHeard);
        directory.accept(done.complaintId(), snapshot(done, resolved, rating)); // open → closed by the rating: moves

        assertThat(ids(true)).containsExactlyInAnyOrder(open.complaintId(), onlyHeard.complaintId());
        assertThat(ids(false)).containsExactlyInAnyOrder(open.complaintId(), done.complaintId(), onlyHeard.complaintId());
        assertThat(directory.lastActivity(open.complaintId()))
                .hasValue(new ComplaintDirectory.Activity(ack.at(), ack.eventId()));
        assertThat(directory.lastActivity(onlyHeard.complaintId())).isEmpty();
        assertThat(directory.ratedResolutions(done.complaintId())).containsExactly(resolved.eventId());
        Map<ComplaintId, TrackedComplaint> all = new LinkedHashMap<>();
        directory.forEach(c -> all.put(c.id(), c));
        assertThat(all.get(done.complaintId()).standingNow())
                .isEqualTo(new ComplaintDirectory.Standing(ComplaintStatus.CLOSED, resolved.at()));
        assertThat(all.get(onlyHeard.complaintId()).standingNow().status()).isEqualTo(ComplaintStatus.ASSIGNED);
        assertThat(all.get(open.complaintId())).satisfies(c -> {
            assertThat(c.department()).isEqualTo("dept-a");
            assertThat(c.routedAt()).isEqualTo(t);
            assertThat(c.resolutionDue()).isEqualTo(open.assignment().resolutionDue());
        });
    }

    @Test
    void nothingOfTheResidentLiesReadableInTheStoreAndTheirKeyShredsIt() {
        ComplaintRouted routed = routed(TrackingIds.next(), Channel.EMAIL, "<m.1@example.org>",
                new Contact("Zhao Min", "zhao.min@example.org", "13912345678"), "Water leaking from the ceiling", "x",
                "maintenance");
        directory.remember(routed);
        directory.accept(routed.complaintId(), snapshot(routed));
        assertThat(directory.find(routed.complaintId()).orElseThrow().contact().email()).isEqualTo("zhao.min@example.org");
        assertThat(storeText()).contains(routed.complaintId().value(), "maintenance")
                .doesNotContain("Zhao Min", "zhao.min@example.org", "13912345678", "Water leaking");

        keys.destroy(routed.complaintId().value()); // crypto-shredding, before any complaint-anonymised arrives
        ComplaintFacts shredded = directory.find(routed.complaintId()).orElseThrow();
        assertThat(shredded.contact()).isEqualTo(new Contact(null, null, null));
        assertThat(shredded.subject()).isEmpty();
        assertThat(shredded.department()).isEqualTo("maintenance");

        // The router's record after the erasure: the same routing without the data; the directory stores it again.
        ComplaintAnonymised anonymised = new ComplaintAnonymised(Events.newId(), routed.complaintId(), Instant.now(),
                STAFF, "ER-1", ComplaintAnonymised.REQUEST);
        directory.accept(routed.complaintId(), snapshot(PersonalFields.removedFrom(routed, ComplaintRouted.class),
                anonymised));
        assertThat(directory.find(routed.complaintId()).orElseThrow().contact()).isEqualTo(new Contact(null, null, null));
        assertThat(storeText()).doesNotContain("\"sealed\"");

        directory.accept(routed.complaintId(), null); // the tombstone
        assertThat(directory.find(routed.complaintId())).isEmpty();
        assertThat(storeText()).doesNotContain(routed.complaintId().value());
    }

    private List<ComplaintId> ids(boolean openOnly) {
        List<ComplaintId> ids = new ArrayList<>();
        if (openOnly) {
            directory.forEachOpen(c -> ids.add(c.id()));
        } else {
            directory.forEach(c -> ids.add(c.id()));
        }
        return ids;
    }

    /** Every key and value in the directory's store, as text. */
    private String storeText() {
        StringBuilder all = new StringBuilder();
        directory.stored().forEachRaw((key, value) -> all.append(key).append(" = ")
                .append(new String(value, StandardCharsets.UTF_8)).append('\n'));
        return all.toString();
    }

    static Contact contact() {
        return new Contact("Resident", "resident@example.com", null);
    }

    static ComplaintRouted routed(ComplaintId id, Channel channel, String sourceRef, Contact contact, String subject,
            String description, String department) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        ComplaintReceived received = new ComplaintReceived(Events.newId(), id, now, channel, "form", sourceRef, contact,
                ResidentType.TENANT, Place.of("3号楼", "1203"), subject, description, "facility", "zh-CN", List.of(),
                Map.of());
        return new ComplaintRouted(Events.newId(), id, now, received,
                new ComplaintRouted.Classification("facility", Urgency.URGENT, 0.9, false, List.of(), List.of()),
                new ComplaintRouted.Assignment(department, 1, List.of("p"), now.plus(Duration.ofHours(4)),
                        now.plus(Duration.ofDays(2)), null, null), ComplaintRouted.Links.none());
    }

    static ComplaintRouted routedAt(ComplaintRouted r, Instant at) {
        return new ComplaintRouted(r.eventId(), r.complaintId(), at, r.complaint(), r.classification(), r.assignment(),
                r.links());
    }

    static ComplaintRouted reroutedLater(ComplaintRouted first, String to) {
        ComplaintRouted.Assignment a = first.assignment();
        return new ComplaintRouted(Events.newId(), first.complaintId(), first.at().plusSeconds(60), first.complaint(),
                first.classification(), new ComplaintRouted.Assignment(to, a.priority(), a.priorityReasons(),
                        a.firstResponseDue(), a.resolutionDue(), a.department(), "wrong team"), first.links());
    }

    static ComplaintSnapshot snapshot(ComplaintEvent... events) {
        ComplaintSnapshot s = ComplaintSnapshot.empty(events[0].complaintId());
        for (ComplaintEvent event : events) {
            s = s.with(event);
        }
        return s;
    }
}
