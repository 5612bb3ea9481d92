package io.hearken.notifier.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hearken.events.ComplaintId;
import io.hearken.events.ComplaintResolved;
import io.hearken.events.ComplaintRouted;
import io.hearken.events.Contact;
import io.hearken.events.Events;
import io.hearken.events.Topics;
import io.hearken.events.TrackingIds;
import io.hearken.notifier.NotifierTestSupport;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The supervisor's daily summary, from real routings and updates on Kafka, delivered over real SMTP. */
class DailyDigestTest extends NotifierTestSupport {

    @Autowired
    DailyDigest digest;

    @Test
    void theSupervisorGetsOpenNewResolvedAndOverdueComplaints() throws Exception {
        String department = "digest-" + UUID.randomUUID().toString().substring(0, 6);
        ComplaintId overdue = TrackingIds.next();
        ComplaintId onTime = TrackingIds.next();
        ComplaintId resolved = TrackingIds.next();
        ComplaintRouted late = withDue(routed(overdue, new Contact("A", uniqueAddress("a"), null), "en", department),
                Instant.now().minus(Duration.ofHours(2)));
        ComplaintRouted fine = routed(onTime, new Contact("B", uniqueAddress("b"), null), "en", department);
        ComplaintRouted done = routed(resolved, new Contact("C", uniqueAddress("c"), null), "en", department);
        ComplaintResolved resolution = new ComplaintResolved(Events.newId(), resolved, Instant.now(), staff(), "fixed");
        publish(Topics.ROUTED, late);
        publish(Topics.ROUTED, fine);
        publish(Topics.ROUTED, done);
        publish(Topics.UPDATES, resolution);
        // The router's current-state records, which the directory's statuses come from.
        publishState(late);
        publishState(fine);
        publishState(done, resolution);

        await().atMost(WAIT).untilAsserted(() -> assertThat(digest.summaries(Instant.now()).get(department))
                .isNotNull().satisfies(s -> {
                    assertThat(s.open()).isEqualTo(2);
                    assertThat(s.created()).isEqualTo(3);
                    assertThat(s.resolved()).isEqualTo(1);
                    assertThat(s.overdueCount()).isEqualTo(1);
                }));

        assertThat(digest.sendAll(Instant.now())).contains(department);
        String supervisor = "supervisor." + department + "@hearken.local";
        await().atMost(WAIT).until(() -> digestsTo(supervisor).size() == 1);
        MimeMessage mail = digestsTo(supervisor).get(0);
        assertThat(mail.getSubject()).startsWith("每日汇总 · " + department);
        assertThat(part(mail, "text/plain")).contains("未办结：2", "近24小时新增：3", "近24小时办结：1", "已超时：1",
                overdue.value()).doesNotContain(onTime.value(), resolved.value());
        assertThat(part(mail, "text/html")).contains(overdue.value());
        assertThat(header(mail, "Auto-Submitted")).isEqualTo("auto-generated");
        assertThat(header(mail, "X-Hearken-Origin")).contains("digest");
    }

    private static ComplaintRouted withDue(ComplaintRouted r, Instant due) {
        ComplaintRouted.Assignment a = r.assignment();
        return new ComplaintRouted(r.eventId(), r.complaintId(), r.at(), r.complaint(), r.classification(),
                new ComplaintRouted.Assignment(a.department(), a.priority(), a.priorityReasons(),
                        due.minus(Duration.ofHours(1)), due, null, null), r.links());
    }

    private List<MimeMessage> digestsTo(String address) {
        return received().stream().filter(m -> {
            try {
                return m.getRecipients(Message.RecipientType.TO)[0].toString().contains(address);
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }
}
