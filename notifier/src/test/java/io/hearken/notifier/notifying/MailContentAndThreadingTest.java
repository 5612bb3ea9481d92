package io.hearken.notifier.notifying;

import io.hearken.notifier.delivery.MailKind;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hearken.events.ComplaintEscalated;
import io.hearken.events.ComplaintId;
import io.hearken.events.Events;
import io.hearken.events.InformationRequested;
import io.hearken.events.MailThreading;
import io.hearken.events.NotificationSent;
import io.hearken.events.ProgressNoted;
import io.hearken.events.SlaClock;
import io.hearken.events.SlaWarning;
import io.hearken.events.Topics;
import io.hearken.notifier.NotifierTestSupport;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Real SMTP (GreenMail): what the resident and the supervisors get, in both languages, and how it threads. */
class MailContentAndThreadingTest extends NotifierTestSupport {

    @Test
    void theAcknowledgementIsInChineseWithTrackingIdDepartmentAndDueTimeAndIsTheThreadRoot() throws Exception {
        String email = uniqueAddress("zhang.wei");
        ComplaintId id = acknowledgedComplaint(email, "zh-CN");

        MimeMessage ack = mailsFor(id).get(0);
        assertThat(ack.getSubject()).isEqualTo("[" + id + "] 我们已收到您的投诉");
        assertThat(ack.getRecipients(Message.RecipientType.TO)[0].toString()).contains(email);
        assertThat(ack.getFrom()[0].toString()).contains("complaints@hearken.local");
        assertThat(header(ack, "Message-ID")).isEqualTo(MailThreading.rootMessageId(id, "hearken.local"));
        assertThat(header(ack, "In-Reply-To")).isNull();
        assertThat(header(ack, "Auto-Submitted")).isEqualTo("auto-generated");
        assertThat(header(ack, "X-Auto-Response-Suppress")).isEqualTo("All");
        assertThat(header(ack, MailThreading.ORIGIN_HEADER)).startsWith("notifier");
        assertThat(header(ack, MailThreading.COMPLAINT_HEADER)).isEqualTo(id.value());

        String html = part(ack, "text/html");
        String text = part(ack, "text/plain");
        assertThat(html).contains(id.value(), "维修部", "预计首次答复时间", "电梯故障", "Zhang Wei，您好");
        assertThat(text).contains(id.value(), "维修部", "预计首次答复时间", "年")
                .doesNotContain("<p", "[(", "#{");
        assertThat(ack.isMimeType("multipart/alternative")).isTrue();

        await().atMost(WAIT).untilAsserted(() -> assertThat(eventsOn(Topics.NOTIFICATIONS, id, NotificationSent.class))
                .singleElement().satisfies(sent -> {
                    assertThat(sent.kind()).isEqualTo(MailKind.ACKNOWLEDGEMENT.id());
                    assertThat(sent.medium()).isEqualTo("email");
                    assertThat(sent.recipient()).startsWith("z***@").doesNotContain("zhang.wei");
                    assertThat(sent.messageId()).isEqualTo(MailThreading.rootMessageId(id, "hearken.local"));
                }));
    }

    @Test
    void laterMailsInEnglishReplyToTheRootWithAStableMessageIdPerEvent() throws Exception {
        ComplaintId id = acknowledgedComplaint(uniqueAddress("amy"), "en");
        assertThat(mailsFor(id).get(0).getSubject()).isEqualTo("[" + id + "] We have received your complaint");

        ProgressNoted note = progress(id, "A technician will come on Tuesday morning.");
        publish(Topics.UPDATES, note);
        InformationRequested question = new InformationRequested(Events.newId(), id, Instant.now(), staff(),
                "Which floor is the lift stuck on?");
        publish(Topics.UPDATES, question);
        await().atMost(WAIT).until(() -> mailsFor(id).size() == 3);

        List<MimeMessage> mails = mailsFor(id);
        String root = MailThreading.rootMessageId(id, "hearken.local");
        MimeMessage progress = byMessageId(mails, MailThreading.messageId(id, note.eventId(), "hearken.local"));
        assertThat(progress.getSubject()).isEqualTo("[" + id + "] Update on your complaint");
        assertThat(header(progress, "In-Reply-To")).isEqualTo(root);
        assertThat(header(progress, "References")).isEqualTo(root);
        assertThat(part(progress, "text/plain")).contains("A technician will come on Tuesday morning.",
                "Maintenance", "Dear Zhang Wei", "[" + id + "]");
        assertThat(part(progress, "text/html")).contains("A technician will come on Tuesday morning.");

        MimeMessage ask = byMessageId(mails, MailThreading.messageId(id, question.eventId(), "hearken.local"));
        assertThat(ask.getSubject()).isEqualTo("[" + id + "] We need more information");
        assertThat(part(ask, "text/plain")).contains("Which floor is the lift stuck on?", "reply to this mail");
        assertThat(header(ask, "References")).isEqualTo(root);
    }

    @Test
    void privateNotesAreNotMailed() {
        ComplaintId id = acknowledgedComplaint(uniqueAddress("private"), "en");
        publish(Topics.UPDATES, new ProgressNoted(Events.newId(), id, Instant.now(), staff(), "internal only", false));
        ProgressNoted visible = progress(id, "public note");
        publish(Topics.UPDATES, visible);
        // Same complaint, same partition, in order: once the public note is mailed, the private one was skipped.
        await().atMost(WAIT).until(() -> mailsFor(id).size() == 2);
        assertThat(mailsFor(id)).noneMatch(m -> part(m, "text/plain").contains("internal only"));
    }

    @Test
    void slaWarningsGoToTheDepartmentSupervisorAndEscalationsToManagement() throws Exception {
        ComplaintId id = acknowledgedComplaint(uniqueAddress("resident"), "en");
        publish(Topics.UPDATES, new SlaWarning(Events.newId(), id, Instant.now(), SlaClock.FIRST_RESPONSE,
                Instant.now().plusSeconds(600), "maintenance"));
        publish(Topics.UPDATES, new ComplaintEscalated(Events.newId(), id, Instant.now(),
                io.hearken.events.Actor.system("sla-clock"), ComplaintEscalated.Level.MANAGEMENT, "maintenance",
                "resolution deadline passed twice"));
        // Acknowledgement, warning, escalation to management, and the resident's note that management follows it up.
        await().atMost(WAIT).until(() -> mailsFor(id).size() == 4);

        MimeMessage warning = to(mailsFor(id), "supervisor.maintenance@hearken.local");
        assertThat(warning.getSubject()).startsWith("[" + id + "] 时限预警");
        assertThat(part(warning, "text/plain")).contains("首次响应", "维修部").doesNotContain("resident.");
        assertThat(header(warning, "Auto-Submitted")).isEqualTo("auto-generated");

        MimeMessage escalation = to(mailsFor(id), "management@hearken.local");
        assertThat(escalation.getSubject()).startsWith("[" + id + "] 投诉升级");
        assertThat(part(escalation, "text/html")).contains("resolution deadline passed twice", "管理层");
        MimeMessage resident = mailsFor(id).stream().filter(m -> "notifier; kind=escalated".equals(
                header(m, "X-Hearken-Origin"))).findFirst().orElseThrow();
        assertThat(resident.getSubject()).isEqualTo("[" + id + "] Your complaint has been referred to management");
        assertThat(part(resident, "text/plain")).contains("follow it up").doesNotContain("deadline passed twice");
    }

    @Test
    void lineBreaksInTheResidentsSubjectOrNameStayOnOneHeaderLine() throws Exception {
        ComplaintId id = io.hearken.events.TrackingIds.next();
        io.hearken.events.ComplaintRouted r = routed(id, new io.hearken.events.Contact("Eve\r\nBcc: eve@evil.example",
                uniqueAddress("eve"), null), "en", "maintenance");
        io.hearken.events.ComplaintReceived c = r.complaint();
        io.hearken.events.ComplaintReceived tricky = new io.hearken.events.ComplaintReceived(c.eventId(), id, c.at(),
                c.channel(), c.via(), c.sourceRef(), c.contact(), c.residentType(), c.place(),
                "Lift\r\nBcc: boss@evil.example", c.description(), c.categoryHint(), c.language(), c.attachments(),
                c.details());
        publish(Topics.ROUTED, new io.hearken.events.ComplaintRouted(r.eventId(), id, r.at(), tricky,
                r.classification(), r.assignment(), r.links()));
        SlaWarning warning = new SlaWarning(Events.newId(), id, Instant.now(), SlaClock.RESOLUTION,
                Instant.now().plusSeconds(600), "maintenance");
        publish(Topics.UPDATES, warning); // its subject carries the complaint's subject
        String warningId = MailThreading.messageId(id, warning.eventId(), "hearken.local");
        await().atMost(WAIT).until(() -> mailsFor(id).stream().anyMatch(m -> warningId.equals(header(m, "Message-ID"))));

        assertThat(mailsFor(id)).hasSize(2).allSatisfy(m -> {
            assertThat(m.getHeader("Bcc")).isNull();
            assertThat(m.getAllRecipients()).extracting(a -> ((jakarta.mail.internet.InternetAddress) a).getAddress())
                    .noneMatch(a -> a.endsWith("evil.example"));
        });
        assertThat(greenMail().getUserManager().getUserByEmail("boss@evil.example")).isNull();
        assertThat(greenMail().getUserManager().getUserByEmail("eve@evil.example")).isNull();
        // One header line each: the line breaks became spaces.
        MimeMessage staffMail = byMessageId(mailsFor(id), warningId);
        assertThat(staffMail.getSubject()).isEqualTo("[" + id + "] 时限预警：Lift Bcc: boss@evil.example");
        MimeMessage ack = byMessageId(mailsFor(id), MailThreading.rootMessageId(id, "hearken.local"));
        assertThat(((jakarta.mail.internet.InternetAddress) ack.getRecipients(Message.RecipientType.TO)[0])
                .getPersonal()).isEqualTo("Eve Bcc: eve@evil.example");
    }

    private static MimeMessage byMessageId(List<MimeMessage> mails, String messageId) {
        return mails.stream().filter(m -> messageId.equals(header(m, "Message-ID"))).findFirst()
                .orElseThrow(() -> new AssertionError("no mail with Message-ID " + messageId));
    }

    private static MimeMessage to(List<MimeMessage> mails, String address) {
        return mails.stream().filter(m -> {
            try {
                return m.getRecipients(Message.RecipientType.TO)[0].toString().contains(address);
            } catch (Exception e) {
                return false;
            }
        }).findFirst().orElseThrow(() -> new AssertionError("no mail to " + address));
    }
}
