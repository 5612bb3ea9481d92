package io.hearken.notifier.notifying;

import io.hearken.notifier.delivery.MailKind;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hearken.events.ComplaintAcknowledged;
import io.hearken.events.ComplaintEvent;
import io.hearken.events.ComplaintId;
import io.hearken.events.ComplaintResolved;
import io.hearken.events.ComplaintRouted;
import io.hearken.events.Contact;
import io.hearken.events.Events;
import io.hearken.events.InformationRequested;
import io.hearken.events.NotificationSent;
import io.hearken.events.ProgressNoted;
import io.hearken.events.Topics;
import io.hearken.events.TrackingIds;
import io.hearken.notifier.NotifierTestSupport;
import io.hearken.notifier.SmsGatewayStub;
import io.hearken.notifier.complaints.ComplaintDirectory;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The periodic note when nothing happened on an open complaint for {@code quiet-days} (5): the clock is the last
 * resident-facing event of the complaint's {@code complaints.state} record (written here dated days back, as the
 * router would have written it), one note per quiet period by the resident's channel, none for a recent, resolved
 * or waiting-on-the-resident complaint.
 */
class PeriodicUpdateTest extends NotifierTestSupport {

    @Autowired
    PeriodicUpdates periodic;
    @Autowired
    ComplaintDirectory directory;

    @Test
    void aComplaintQuietForTheQuietPeriodGetsOneNoteByItsChannel() {
        Instant now = Instant.now();
        // Quiet for 6 days, by mail in Chinese; a private note 1 day ago does not count (the resident heard nothing).
        ComplaintId byMail = TrackingIds.next();
        String email = uniqueAddress("quiet");
        ComplaintRouted mailRouting = routedAt(byMail, new Contact("张伟", email, null), "zh-CN", now.minus(days(7)));
        ComplaintAcknowledged ack = new ComplaintAcknowledged(Events.newId(), byMail, now.minus(days(6)), staff());
        publishState(mailRouting, ack, new ProgressNoted(Events.newId(), byMail, now.minus(days(1)), staff(),
                "internal", false));
        // Quiet for 8 days, by SMS in English.
        ComplaintId bySms = TrackingIds.next();
        String number = SmsGatewayStub.newNumber();
        ComplaintRouted smsRouting = routedAt(bySms, new Contact(null, null, number), "en", now.minus(days(8)));
        publishState(smsRouting);
        // Not quiet long enough, resolved, waiting on the resident: nothing.
        ComplaintId recent = TrackingIds.next();
        publishState(routedAt(recent, new Contact(null, uniqueAddress("recent"), null), "en", now.minus(days(2))));
        ComplaintId resolved = TrackingIds.next();
        ComplaintRouted resolvedRouting = routedAt(resolved, new Contact(null, uniqueAddress("done"), null), "en",
                now.minus(days(12)));
        publishState(resolvedRouting, new ComplaintResolved(Events.newId(), resolved, now.minus(days(10)), staff(), "done"));
        ComplaintId waiting = TrackingIds.next();
        publishState(routedAt(waiting, new Contact(null, uniqueAddress("waiting"), null), "en", now.minus(days(12))),
                new InformationRequested(Events.newId(), waiting, now.minus(days(9)), staff(), "Which floor?"));

        await().atMost(WAIT).until(() -> periodicMails(byMail).size() == 1);
        MimeMessage note = periodicMails(byMail).get(0);
        assertThat(subject(note)).isEqualTo("[" + byMail + "] 您的投诉仍在处理中");
        assertThat(part(note, "text/plain")).contains("张伟，您好", "仍在处理您的投诉", "维修部", byMail.value());
        await().atMost(WAIT).untilAsserted(() -> assertThat(eventsOn(Topics.NOTIFICATIONS, byMail, NotificationSent.class))
                .singleElement().satisfies(sent -> {
                    assertThat(sent.kind()).isEqualTo(MailKind.PERIODIC_UPDATE.id());
                    // The period derives from the state record's last event (the acknowledgement), not from memory.
                    assertThat(sent.causeEventId()).isEqualTo(PeriodicUpdates.cause(ack.eventId(), 1));
                }));
        await().atMost(WAIT).until(() -> SMS_GATEWAY.requestsTo(number).size() == 1);
        assertThat(SMS_GATEWAY.messagesTo(number).get(0).get("text").asString())
                .contains(bySms.value(), "still being handled", "/track?id=" + bySms.value());
        await().atMost(WAIT).untilAsserted(() -> assertThat(eventsOn(Topics.NOTIFICATIONS, bySms, NotificationSent.class))
                .singleElement().satisfies(sent -> assertThat(sent.causeEventId())
                        .isEqualTo(PeriodicUpdates.cause(smsRouting.eventId(), 1))));

        // More checks in the same period (the timer runs every 2 s; two more here): nothing more.
        periodic.check(Instant.now());
        periodic.check(Instant.now());
        await().during(Duration.ofSeconds(5)).atMost(WAIT).until(() -> periodicMails(byMail).size() == 1
                && SMS_GATEWAY.requestsTo(number).size() == 1);
        for (ComplaintId quietNot : List.of(recent, resolved, waiting)) {
            assertThat(eventsOn(Topics.NOTIFICATIONS, quietNot, NotificationSent.class)).as(quietNot.value()).isEmpty();
        }
    }

    @Test
    void theQuietClockIsRebuiltFromTheStateRecordAndAResidentFacingEventRestartsIt() {
        Instant now = Instant.now();
        ComplaintId id = TrackingIds.next();
        ComplaintRouted routing = routedAt(id, new Contact(null, uniqueAddress("clock"), null), "en", now.minus(days(3)));
        ProgressNoted visible = new ProgressNoted(Events.newId(), id, now.minus(days(2)), staff(), "Parts ordered.", true);
        publishState(routing, visible, new ProgressNoted(Events.newId(), id, now.minus(days(1)), staff(), "internal", false));
        await().atMost(WAIT).until(() -> directory.lastActivity(id).isPresent());
        assertThat(directory.lastActivity(id)).hasValue(new ComplaintDirectory.Activity(visible.at(), visible.eventId()));
        // What a restarted instance computes for day 12 (period 2), from the state record alone.
        long period = Duration.between(visible.at(), now.plus(days(8))).toMillis() / days(5).toMillis();
        assertThat(period).isEqualTo(2);
    }

    private List<MimeMessage> periodicMails(ComplaintId id) {
        return mailsFor(id).stream().filter(m -> ("notifier; kind=" + MailKind.PERIODIC_UPDATE.id())
                .equals(header(m, "X-Hearken-Origin"))).toList();
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Duration days(int n) {
        return Duration.ofDays(n);
    }

    /** A routing as the router wrote it {@code at} that time. */
    private static ComplaintRouted routedAt(ComplaintId id, Contact contact, String language, Instant at) {
        ComplaintRouted r = routed(id, contact, language, "maintenance");
        return new ComplaintRouted(r.eventId(), id, at, r.complaint(), r.classification(), r.assignment(), r.links());
    }

}
