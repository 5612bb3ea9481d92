package io.hearken.analytics;

import static io.hearken.analytics.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.hearken.events.Actor;
import io.hearken.events.Channel;
import io.hearken.events.ComplaintEscalated;
import io.hearken.events.ComplaintId;
import io.hearken.events.ComplaintReceived;
import io.hearken.events.Contact;
import io.hearken.events.Departments;
import io.hearken.events.Events;
import io.hearken.events.FollowUpReceived;
import io.hearken.events.InformationRequested;
import io.hearken.events.MailBounced;
import io.hearken.events.NotificationSent;
import io.hearken.events.Place;
import io.hearken.events.ProgressNoted;
import io.hearken.events.ResidentType;
import io.hearken.events.Topics;
import io.hearken.events.privacy.PersonalData;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** No name, e-mail address, phone, ID-card or plate number in clear anywhere in what analytics stores. */
class PrivacyTest extends AnalyticsIntegrationTest {

    /** What a resident may write into a complaint: each must be masked before it is indexed. */
    static final String OTHER_PHONE = "139-8765-4321";
    static final String ID_CARD = "110101199003071234";
    static final String OTHER_EMAIL = "li.na.home@example.org";
    static final String PLATE = "京A12345";
    static final String EN_PHONE = "+44 20 7946 0958";

    @Test
    void ofTheContactOnlyTheKeyedHashIsStored() throws Exception {
        ComplaintId id = newId();
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        var received = received(id, t0, "2号楼", "热水器坏了");
        var notification = new NotificationSent(Events.newId(), id, t0.plusSeconds(5), "acknowledgement", "email",
                EMAIL, "<HK.ack@hearken>", received.eventId());
        var bounce = new MailBounced(Events.newId(), id, t0.plusSeconds(6), EMAIL,
                new PersonalData("analytics-test-secret").hash(EMAIL), true, "5.1.1", "no such user " + EMAIL);
        var followUp = new FollowUpReceived(Events.newId(), id, t0.plusSeconds(7), Channel.WEB,
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
            assertThat(stored).doesNotContain(EMAIL, PHONE, NAME, "zhang.wei", "12345678", "example.com")
                    // No display mask beside the hash: with the pepper, 7 of 11 digits leave 10^4 numbers to try.
                    .doesNotContain("***", "张*", "contactName", "contactEmail", "contactPhone");
        }
        assertThat(complaint).contains("\"contactHash\":\"" + new PersonalData("analytics-test-secret").hash(EMAIL));
        assertThat(events).contains(bounce.eventId(), notification.eventId());
    }

    @Test
    void phoneIdCardEmailAndPlateInFreeTextAreMaskedYetTheRestIsSearchable() throws Exception {
        ComplaintId id = newId();
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        var received = new ComplaintReceived(Events.newId(), id, t0, Channel.WEB, "form", "ref-" + id,
                new Contact(NAME, EMAIL, PHONE), ResidentType.TENANT, Place.of("5号楼", "1203"),
                "车库漏水 联系" + OTHER_PHONE,
                "地下车库天花板漏水，我的车" + PLATE + "被淋湿。请联系我" + OTHER_PHONE + "，邮箱" + OTHER_EMAIL
                        + "，身份证" + ID_CARD + "。投诉编号" + id.value() + "，2026-12-06 14:30发现，维修费¥1200。",
                null, "zh-CN", List.of(), Map.of());
        var followUp = new FollowUpReceived(Events.newId(), id, t0.plusSeconds(2), Channel.EMAIL, "ref-f", "sender",
                "Still leaking. Call me on " + EN_PHONE + " or write to " + OTHER_EMAIL + "; plate " + PLATE
                        + ", ID " + ID_CARD + ".", List.of());
        var question = new InformationRequested(Events.newId(), id, t0.plusSeconds(3), staff(Departments.MAINTENANCE),
                "请确认电话" + OTHER_PHONE + "是否可以联系？");
        var note = new ProgressNoted(Events.newId(), id, t0.plusSeconds(4), staff(Departments.MAINTENANCE),
                "已致电" + OTHER_PHONE + "，明天王师傅上门维修", true);
        var escalation = new ComplaintEscalated(Events.newId(), id, t0.plusSeconds(5),
                new Actor("staff-1", "李师傅", Departments.MAINTENANCE, Actor.Role.STAFF),
                ComplaintEscalated.Level.SUPERVISOR, Departments.MAINTENANCE, "住户" + OTHER_PHONE + "多次来电");
        publish(Topics.INTAKE_WEB, received);
        publish(Topics.ROUTED, routed(received, t0.plusSeconds(1), "facility", Departments.MAINTENANCE));
        publish(Topics.INTAKE_EMAIL, followUp);
        publish(Topics.UPDATES, question, note, escalation);
        awaitComplaint(id, d -> d.eventCount == 6);
        for (String eventId : List.of(received.eventId(), followUp.eventId(), question.eventId(), note.eventId(),
                escalation.eventId())) {
            awaitEvent(eventId);
        }
        refresh();

        String complaints = raw("GET", "/complaints/_search?size=10&q=id:" + id.value());
        String events = raw("GET", "/complaint-events/_search?size=50&q=complaintId:" + id.value());
        for (String stored : List.of(complaints, events)) {
            assertThat(stored).contains(id.value())
                    .doesNotContain(OTHER_PHONE, "87654321", ID_CARD, "19900307", OTHER_EMAIL, "li.na",
                            "example.org", PLATE, "A12345", "7946 0958", EMAIL, PHONE, NAME);
        }
        assertThat(complaints).contains("[phone]", "[plate]", "[email]", "[id-card]",
                "2026-12-06 14:30", "¥1200", id.value() + "，");
        assertThat(events).contains("Still leaking. Call me on [phone] or write to [email]; plate [plate], ID [id-card].",
                "请确认电话[phone]是否可以联系？", "已致电[phone]，明天[name]上门维修", "住户[phone]多次来电")
                .doesNotContain("王师傅");

        // The rest of the text is still found by full-text search, in both indices.
        assertThat(raw("GET", "/complaints/_search?q=description:" + enc("天花板漏水") + "%20AND%20id:" + id.value()))
                .contains("\"_id\":\"" + id.value() + "\"");
        assertThat(raw("GET", "/complaint-events/_search?q=text:leaking%20AND%20complaintId:" + id.value()))
                .contains(followUp.eventId());
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
