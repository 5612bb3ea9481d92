package io.hearken.analytics;

import static io.hearken.analytics.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.hearken.events.ComplaintId;
import io.hearken.events.Departments;
import io.hearken.events.Events;
import io.hearken.events.FollowUpReceived;
import io.hearken.events.MailBounced;
import io.hearken.events.NotificationSent;
import io.hearken.events.Topics;
import io.hearken.events.privacy.PersonalData;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

/** No name, e-mail address or phone number in clear anywhere in what analytics stores. */
class PrivacyTest extends AnalyticsIntegrationTest {

    @Test
    void contactsAreStoredOnlyMaskedOrHashed() throws Exception {
        ComplaintId id = newId();
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        var received = received(id, t0, "2号楼", "热水器坏了");
        var notification = new NotificationSent(Events.newId(), id, t0.plusSeconds(5), "acknowledgement", "email",
                EMAIL, "<HK.ack@hearken>", received.eventId());
        var bounce = new MailBounced(Events.newId(), id, t0.plusSeconds(6), EMAIL,
                new PersonalData("analytics-test-secret").hash(EMAIL), true, "5.1.1", "no such user " + EMAIL);
        var followUp = new FollowUpReceived(Events.newId(), id, t0.plusSeconds(7), io.hearken.events.Channel.WEB,
                "ref-2", "tracking-id-and-sender", "还是没有热水", List.of());
        publish(Topics.INTAKE_WEB, received, followUp);
        publish(Topics.ROUTED, routed(received, t0.plusSeconds(1), "facility", Departments.MAINTENANCE));
        publish(Topics.NOTIFICATIONS, notification, bounce);
        awaitComplaint(id, d -> d.eventCount == 5);
        awaitEvent(bounce.eventId());
        awaitEvent(followUp.eventId());
        refresh();

        String complaint = raw("GET", "/complaints/_doc/" + id.value());
        String events = raw("GET", "/complaint-events/_search?size=50&q=complaintId:" + id.value());
        for (String stored : List.of(complaint, events)) {
            assertThat(stored).doesNotContain(EMAIL, PHONE, NAME, "zhang.wei", "12345678");
        }
        assertThat(complaint).contains("z***@example.com", "138****5678", "张*",
                new PersonalData("analytics-test-secret").hash(EMAIL));
        assertThat(events).contains(bounce.eventId(), notification.eventId());
    }
}
