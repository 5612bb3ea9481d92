package io.hearken.notifier.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hearken.events.ComplaintId;
import io.hearken.events.ComplaintRouted;
import jakarta.mail.internet.MimeMessage;
import io.hearken.events.Contact;
import io.hearken.events.Events;
import io.hearken.events.MailBounced;
import io.hearken.events.MailThreading;
import io.hearken.events.NotificationNotSent;
import io.hearken.events.NotificationSent;
import io.hearken.events.ProgressNoted;
import io.hearken.events.Topics;
import io.hearken.events.TrackingIds;
import io.hearken.events.privacy.PersonalData;
import io.hearken.notifier.NotifierTestSupport;
import io.hearken.notifier.ledger.NotificationLedger;
import io.hearken.notifier.ledger.RecordingNotifications;
import io.hearken.events.SlaClock;
import io.hearken.events.SlaWarning;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** At most one mail per event, none to a bounced address, and a record of every mail not sent. */
class DeliveryOnceTest extends NotifierTestSupport {

    @Autowired
    NotificationLedger ledger;

    @Test
    void aRedeliveredEventSendsNoSecondMail() {
        ComplaintId id = acknowledgedComplaint(uniqueAddress("twice"), "en");
        ProgressNoted note = progress(id, "Parts ordered.");
        publish(Topics.UPDATES, note);
        publish(Topics.UPDATES, note); // the same event again, as after a consumer crash
        publish(Topics.ROUTED, firstRouting.get(id)); // a redelivered first routing: no second acknowledgement
        ProgressNoted later = progress(id, "Parts arrived.");
        publish(Topics.UPDATES, later);
        ComplaintRouted reroute = rerouted(firstRouting.get(id), "security", "The door lock is security's");
        publish(Topics.ROUTED, reroute);

        // Same complaint, same partition: once the later note is mailed, the duplicate has been handled.
        String laterId = MailThreading.messageId(id, later.eventId(), "hearken.local");
        await().atMost(WAIT).until(() -> mailsFor(id).stream().anyMatch(m -> laterId.equals(header(m, "Message-ID"))));
        String rerouteId = MailThreading.messageId(id, reroute.eventId(), "hearken.local");
        await().atMost(WAIT).until(() -> mailsFor(id).stream().anyMatch(m -> rerouteId.equals(header(m, "Message-ID"))));
        String noteId = MailThreading.messageId(id, note.eventId(), "hearken.local");
        assertThat(mailsFor(id)).filteredOn(m -> noteId.equals(header(m, "Message-ID"))).hasSize(1);
        assertThat(mailsFor(id)).hasSize(4); // acknowledgement, note, later note, reassignment
        MimeMessage reassignment = mailsFor(id).stream().filter(m -> rerouteId.equals(header(m, "Message-ID")))
                .findFirst().orElseThrow();
        assertThat(part(reassignment, "text/plain")).contains("from the Maintenance department to the Security department",
                "The door lock is security's");
        await().atMost(WAIT).untilAsserted(() -> assertThat(eventsOn(Topics.NOTIFICATIONS, id, NotificationSent.class))
                .filteredOn(s -> s.causeEventId().equals(note.eventId())).hasSize(1));
    }

    @Test
    void mailsAboveThePerAddressLimitAreRecordedAsRateLimitedAndStaffStillHearOfThem() {
        String address = uniqueAddress("flooded");
        ComplaintId id = acknowledgedComplaint(address, "en"); // mail 1 of the 20 allowed per hour
        List<ProgressNoted> notes = new ArrayList<>();
        for (int i = 2; i <= 21; i++) {
            notes.add(progress(id, "Update " + i));
        }
        notes.forEach(n -> publish(Topics.UPDATES, n));
        SlaWarning warning = new SlaWarning(Events.newId(), id, Instant.now(), SlaClock.RESOLUTION,
                Instant.now().plusSeconds(600), "maintenance");
        publish(Topics.UPDATES, warning);

        String warningId = MailThreading.messageId(id, warning.eventId(), "hearken.local");
        await().atMost(WAIT).until(() -> mailsFor(id).stream().anyMatch(m -> warningId.equals(header(m, "Message-ID"))));
        assertThat(mailsFor(id)).hasSize(21); // 20 to the resident, then the supervisor's despite the limit
        ProgressNoted over = notes.get(notes.size() - 1);
        assertThat(mailsFor(id)).noneMatch(m -> MailThreading.messageId(id, over.eventId(), "hearken.local")
                .equals(header(m, "Message-ID")));
        await().atMost(WAIT).untilAsserted(() -> assertThat(eventsOn(Topics.NOTIFICATIONS, id, NotificationNotSent.class))
                .singleElement().satisfies(notSent -> {
                    assertThat(notSent.reason()).isEqualTo("rate-limited");
                    assertThat(notSent.causeEventId()).isEqualTo(over.eventId());
                    assertThat(notSent.kind()).isEqualTo(MailKind.PROGRESS.id());
                    assertThat(notSent.detail()).doesNotContain(address);
                }));
        // Final: a redelivery of the refused event neither mails nor records it again.
        publish(Topics.UPDATES, over);
        ProgressNoted marker = progress(id, "marker");
        publish(Topics.UPDATES, marker);
        await().atMost(WAIT).untilAsserted(() -> assertThat(eventsOn(Topics.NOTIFICATIONS, id, NotificationNotSent.class))
                .extracting(NotificationNotSent::causeEventId).contains(marker.eventId()));
        assertThat(eventsOn(Topics.NOTIFICATIONS, id, NotificationNotSent.class))
                .filteredOn(n -> n.causeEventId().equals(over.eventId())).hasSize(1);
        assertThat(mailsFor(id)).hasSize(21);
    }

    @Autowired
    List<Sender> senders;
    @Autowired
    RecordingNotifications records;
    @Autowired
    RateLimit rateLimit;
    @Autowired
    SentJournal journal;
    @Autowired
    org.springframework.context.ApplicationContext context;

    /**
     * With SMS off (hearken.notifier.sms.enabled=false, the default) only mail reaches residents: the tests' context has
     * SMS on, so this delivers with the mail sender alone, as a notifier with SMS off does.
     */
    @Test
    void withSmsOffAResidentWithOnlyAPhoneNumberIsRecordedAsNotNotified() {
        DeliveringNotice mailOnly = new DeliveringNotice(senders.stream().filter(s -> s.medium().equals("email")).toList(),
                ledger, records, rateLimit, context.getBeanProvider(io.micrometer.core.instrument.MeterRegistry.class),
                journal);
        ComplaintId id = TrackingIds.next();
        String number = io.hearken.notifier.SmsGatewayStub.newNumber();
        Recipient phoneOnly = new Recipient(Recipient.Audience.RESIDENT, "王芳", null,
                number.substring(0, 3) + " " + number.substring(3, 7) + " " + number.substring(7));
        String cause = Events.newId();
        mailOnly.deliver(new Notice(MailKind.ACKNOWLEDGEMENT, id, cause, phoneOnly, java.util.Locale.SIMPLIFIED_CHINESE,
                java.util.Map.of("trackingUrl", "http://localhost/track?id=" + id), true));

        await().atMost(WAIT).untilAsserted(() -> assertThat(eventsOn(Topics.NOTIFICATIONS, id, NotificationNotSent.class))
                .singleElement().satisfies(notSent -> {
                    assertThat(notSent.reason()).isEqualTo("no-email");
                    assertThat(notSent.kind()).isEqualTo(MailKind.ACKNOWLEDGEMENT.id());
                    assertThat(notSent.causeEventId()).isEqualTo(cause);
                    assertThat(notSent.detail()).contains("no channel", "SMS is off", PersonalData.mask(number))
                            .doesNotContain(number.substring(3));
                }));
        assertThat(mailsFor(id)).isEmpty();
        assertThat(SMS_GATEWAY.requestsTo(number)).isEmpty();
        assertThat(ledger.isAnswered(cause, MailKind.ACKNOWLEDGEMENT.id())).isTrue(); // final: a redelivery does not try again
    }

    @Test
    void aMalformedAddressIsRecordedAsNotNotifiedWithoutRetrying() {
        ComplaintId id = TrackingIds.next();
        publish(Topics.ROUTED, routed(id, new Contact("Typo", "li.lei@@example", null), "en", "security"));
        await().atMost(WAIT).untilAsserted(() -> assertThat(eventsOn(Topics.NOTIFICATIONS, id, NotificationNotSent.class))
                .singleElement().satisfies(notSent -> assertThat(notSent.reason()).isEqualTo("invalid-address")));
        assertThat(mailsFor(id)).isEmpty();
    }

    @Test
    void anAddressThatBouncedPermanentlyIsNotMailedAgain() {
        String address = uniqueAddress("gone");
        publish(Topics.NOTIFICATIONS, new MailBounced(Events.newId(), TrackingIds.next(), Instant.now(), address,
                new PersonalData("notifier-test-secret").hash(address), true, "5.1.1", "user unknown"));
        await().atMost(WAIT).until(() -> ledger.hasBounced(address.toUpperCase()));

        ComplaintId id = TrackingIds.next();
        publish(Topics.ROUTED, routed(id, new Contact("Bob", address, null), "en", "billing"));
        await().atMost(WAIT).untilAsserted(() -> assertThat(eventsOn(Topics.NOTIFICATIONS, id, NotificationNotSent.class))
                .singleElement().satisfies(notSent -> {
                    assertThat(notSent.reason()).isEqualTo("bounced");
                    assertThat(notSent.detail()).doesNotContain(address);
                }));
        assertThat(mailsFor(id)).isEmpty();
    }
}
