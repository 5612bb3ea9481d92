package io.hearken.notifier.notifying;

import io.hearken.notifier.delivery.MailKind;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hearken.events.Actor;
import io.hearken.events.Channel;
import io.hearken.events.ComplaintAcknowledged;
import io.hearken.events.ComplaintEscalated;
import io.hearken.events.ComplaintEvent;
import io.hearken.events.ComplaintId;
import io.hearken.events.ComplaintReceived;
import io.hearken.events.ComplaintReopened;
import io.hearken.events.ComplaintResolved;
import io.hearken.events.ComplaintRouted;
import io.hearken.events.Contact;
import io.hearken.events.Events;
import io.hearken.events.InformationRequested;
import io.hearken.events.MailThreading;
import io.hearken.events.NotificationSent;
import io.hearken.events.ProgressNoted;
import io.hearken.events.SlaBreached;
import io.hearken.events.SlaClock;
import io.hearken.events.SlaWarning;
import io.hearken.events.Topics;
import io.hearken.events.TrackingIds;
import io.hearken.notifier.NotifierTestSupport;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One complaint's whole life over real Kafka and SMTP, in each language: every kind of mail arrives once, in
 * the complaint's language (staff mails in the staff language), as HTML with a plain-text alternative, marked
 * as automatic, and threaded — under the resident's own mail when the complaint came by email, so that a reply
 * to any of them carries our ids back to the email channel.
 */
class EveryMailKindTest extends NotifierTestSupport {

    private static final String DOMAIN = "hearken.local";
    private static final String SUPERVISOR = "supervisor.maintenance@hearken.local";
    private static final String MANAGEMENT = "management@hearken.local";

    /** What one mail must look like. */
    record Expected(ComplaintEvent cause, String kind, String to, String subject, String text) {
    }

    @ParameterizedTest
    @ValueSource(strings = {"zh-CN", "en"})
    void everyMailOfAComplaintArrivesInItsLanguageInOneThread(String language) throws Exception {
        boolean zh = language.equals("zh-CN");
        ComplaintId id = TrackingIds.next();
        String email = uniqueAddress("life");
        String original = "<" + UUID.randomUUID() + "@mail.example.com>";
        ComplaintRouted first = byEmail(routed(id, new Contact("Zhang Wei", email, null), language, "maintenance"),
                original);
        Instant now = Instant.now();
        Actor staff = staff();
        List<Expected> expected = new ArrayList<>();
        expected.add(new Expected(first, MailKind.ACKNOWLEDGEMENT.id(), email,
                zh ? "我们已收到您的投诉" : "We have received your complaint", zh ? "维修部" : "Maintenance"));
        expected.add(new Expected(new ComplaintAcknowledged(Events.newId(), id, now, staff), MailKind.ASSIGNMENT.id(), email,
                zh ? "您的投诉正在处理中" : "Your complaint is being handled", zh ? "维修部已受理" : "has taken on"));
        expected.add(new Expected(new ProgressNoted(Events.newId(), id, now, staff, "note-" + language, true),
                MailKind.PROGRESS.id(), email, zh ? "您的投诉有新进展" : "Update on your complaint", "note-" + language));
        expected.add(new Expected(new InformationRequested(Events.newId(), id, now, staff, "question-" + language),
                MailKind.INFORMATION_REQUEST.id(), email, zh ? "需要您补充信息" : "We need more information",
                "question-" + language));
        expected.add(new Expected(new ComplaintResolved(Events.newId(), id, now, staff, "resolution-" + language),
                MailKind.RESOLUTION.id(), email, zh ? "您的投诉已处理完毕" : "Your complaint has been resolved", "/satisfaction/"));
        expected.add(new Expected(new ComplaintReopened(Events.newId(), id, now, Actor.system("router"),
                "reopen-" + language), MailKind.REOPENED.id(), email,
                zh ? "您的投诉已重新开启" : "Your complaint has been reopened", "reopen-" + language));
        // Staff mails are in hearken.notifier.staff-language (zh-CN) whatever the resident's language.
        expected.add(new Expected(new SlaWarning(Events.newId(), id, now, SlaClock.RESOLUTION,
                now.plus(Duration.ofHours(1)), "maintenance"), MailKind.SLA_WARNING.id(), SUPERVISOR, "时限预警：", "处理完成"));
        expected.add(new Expected(new SlaBreached(Events.newId(), id, now, SlaClock.FIRST_RESPONSE,
                now.minus(Duration.ofMinutes(5)), "maintenance"), MailKind.SLA_BREACH.id(), SUPERVISOR, "已超时：", "首次响应"));
        expected.add(new Expected(new ComplaintEscalated(Events.newId(), id, now, Actor.system("sla-clock"),
                ComplaintEscalated.Level.SUPERVISOR, "maintenance", "escalate-supervisor"), MailKind.ESCALATION.id(),
                SUPERVISOR, "投诉升级：", "escalate-supervisor"));
        ComplaintEscalated toManagement = new ComplaintEscalated(Events.newId(), id, now, Actor.system("sla-clock"),
                ComplaintEscalated.Level.MANAGEMENT, "maintenance", "escalate-management");
        expected.add(new Expected(toManagement, MailKind.ESCALATION.id(), MANAGEMENT, "投诉升级：", "escalate-management"));
        // The resident hears of it too (not the reason): published once more below, which is a redelivery.
        expected.add(new Expected(toManagement, MailKind.ESCALATED.id(), email,
                zh ? "您的投诉已提交管理层跟进" : "Your complaint has been referred to management",
                zh ? "物业管理层跟进" : "referred to the management"));

        publish(Topics.ROUTED, first);
        await().atMost(WAIT).until(() -> mailsFor(id).size() == 1);
        for (Expected e : expected.subList(1, expected.size())) {
            publish(Topics.UPDATES, e.cause());
        }
        await().atMost(WAIT).until(() -> mailsFor(id).size() == expected.size());
        // The re-routing last: the updates above then all saw the first department.
        ComplaintRouted reroute = rerouted(first, "security", "reroute-" + language);
        expected.add(new Expected(reroute, MailKind.REASSIGNMENT.id(), email,
                zh ? "您的投诉已转交其他部门" : "Your complaint was passed to another department",
                zh ? "由维修部转交安保部" : "from the Maintenance department to the Security department"));
        publish(Topics.ROUTED, reroute);
        await().atMost(WAIT).until(() -> mailsFor(id).size() == expected.size());

        String root = MailThreading.rootMessageId(id, DOMAIN);
        List<MimeMessage> mails = mailsFor(id);
        for (Expected e : expected) {
            boolean isRoot = e.kind().equals(MailKind.ACKNOWLEDGEMENT.id());
            boolean resident = e.to().equals(email);
            String cause = e.kind().equals(MailKind.ESCALATED.id()) ? MailKind.ESCALATED.residentCause(e.cause().eventId())
                    : e.cause().eventId();
            String messageId = isRoot ? root : MailThreading.messageId(id, cause, DOMAIN);
            List<MimeMessage> found = mails.stream().filter(m -> messageId.equals(header(m, "Message-ID"))).toList();
            assertThat(found).as("%s mail", e.kind()).hasSize(1);
            MimeMessage mail = found.get(0);
            String what = e.kind() + " in " + language;

            assertThat(mail.getRecipients(Message.RecipientType.TO)[0].toString()).as(what).contains(e.to());
            assertThat(mail.getSubject()).as(what).startsWith("[" + id + "] " + e.subject());
            assertThat(header(mail, "Content-Language")).as(what).isEqualTo(resident ? language : "zh-CN");
            assertThat(header(mail, "Auto-Submitted")).as(what).isEqualTo("auto-generated");
            assertThat(header(mail, "X-Auto-Response-Suppress")).as(what).isEqualTo("All");
            assertThat(header(mail, MailThreading.ORIGIN_HEADER)).as(what).isEqualTo("notifier; kind=" + e.kind());
            assertThat(header(mail, "Reply-To")).as(what).contains("complaints@hearken.local");

            // HTML with a plain-text alternative, at the top level, both UTF-8.
            assertThat(mail.isMimeType("multipart/alternative")).as(what).isTrue();
            Multipart body = (Multipart) mail.getContent();
            assertThat(body.getCount()).as(what).isEqualTo(2);
            assertThat(body.getBodyPart(0).getContentType()).as(what).startsWithIgnoringCase("text/plain")
                    .containsIgnoringCase("charset=UTF-8");
            assertThat(body.getBodyPart(1).getContentType()).as(what).startsWithIgnoringCase("text/html")
                    .containsIgnoringCase("charset=UTF-8");
            for (String content : List.of(part(mail, "text/plain"), part(mail, "text/html"))) {
                assertThat(content).as(what).contains(id.value(), e.text());
                if (resident) {
                    assertThat(content).as(what).contains(zh ? "Zhang Wei，您好" : "Dear Zhang Wei");
                } else {
                    assertThat(content).as(what + " (staff: no resident data)").doesNotContain(email, "Zhang Wei");
                }
            }

            if (isRoot) {
                assertThat(header(mail, "In-Reply-To")).as(what).isEqualTo(original);
                assertThat(header(mail, "References")).as(what).isEqualTo(original);
            } else {
                assertThat(header(mail, "In-Reply-To")).as(what).isEqualTo(root);
                assertThat(header(mail, "References")).as(what).isEqualTo(resident ? original + " " + root : root);
            }
        }

        // A reply to any of them (as a mail client writes it) goes to the complaints mailbox and names the complaint.
        MimeMessage question = mails.stream().filter(m -> header(m, MailThreading.ORIGIN_HEADER).endsWith(
                MailKind.INFORMATION_REQUEST.id())).findFirst().orElseThrow();
        MimeMessage reply = (MimeMessage) question.reply(false);
        assertThat(reply.getRecipients(Message.RecipientType.TO)[0].toString()).contains("complaints@hearken.local");
        assertThat(reply.getSubject()).contains("[" + id + "]");
        assertThat(MailThreading.complaintIdFromReferences(header(reply, "References"), DOMAIN)).contains(id);
        assertThat(MailThreading.complaintIdFromReferences(header(reply, "In-Reply-To"), DOMAIN)).contains(id);

        // Each mail is on notifications once, with its kind.
        await().atMost(WAIT).untilAsserted(() -> assertThat(eventsOn(Topics.NOTIFICATIONS, id, NotificationSent.class))
                .extracting(NotificationSent::kind)
                .containsExactlyInAnyOrderElementsOf(expected.stream().map(Expected::kind).toList()));
    }

    /** The same routing as if the complaint had come in as the resident's mail with that Message-ID. */
    private static ComplaintRouted byEmail(ComplaintRouted r, String messageId) {
        ComplaintReceived c = r.complaint();
        ComplaintReceived mail = new ComplaintReceived(c.eventId(), c.complaintId(), c.at(), Channel.EMAIL, "imap",
                messageId, c.contact(), c.residentType(), c.place(), c.subject(), c.description(), c.categoryHint(),
                c.language(), c.attachments(), c.details());
        return new ComplaintRouted(r.eventId(), r.complaintId(), r.at(), mail, r.classification(), r.assignment(),
                r.links());
    }
}
