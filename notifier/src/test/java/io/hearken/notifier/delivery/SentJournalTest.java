package io.hearken.notifier.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.spy;

import io.hearken.events.ComplaintId;
import io.hearken.events.NotificationSent;
import io.hearken.events.Topics;
import io.hearken.events.TrackingIds;
import io.hearken.notifier.NotifierProperties;
import io.hearken.notifier.NotifierTestSupport;
import io.hearken.notifier.ledger.NotificationLedger;
import io.hearken.notifier.ledger.RecordingNotifications;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The window the notifier documented: the SMTP server accepted a mail, then the process died before the mail's
 * record reached {@code notifications}, so the redelivered event sent the mail again. The journal (an extra
 * envelope recipient in the same SMTP transaction) tells the next process that the mail went out.
 */
class SentJournalTest extends NotifierTestSupport {

    @Autowired
    EmailSender email;
    @Autowired
    NotificationLedger ledger;
    @Autowired
    RecordingNotifications records;
    @Autowired
    RateLimit rateLimit;
    @Autowired
    ObjectProvider<MeterRegistry> meters;
    @Autowired
    NotifierProperties properties;
    @Autowired
    MailTemplates templates;

    @Test
    void aMailAcceptedBeforeACrashIsRecordedNotSentAgainAfterTheRestart() throws Exception {
        ComplaintId id = TrackingIds.next();
        String resident = "resident." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        Notice notice = progressNotice(id, resident);

        // The first process: SMTP accepts the mail, then the process dies before the record is written.
        RecordingNotifications dying = spy(records);
        doThrow(new IllegalStateException("killed before the record")).when(dying)
                .sent(any(), any(), any(), any(), any(), any(), any()); // the record with its detail
        assertThatThrownBy(() -> new DeliveringNotice(List.of(email), ledger, dying, rateLimit, meters,
                new SentJournal(properties)).deliver(notice)).hasMessageContaining("killed");
        await().atMost(WAIT).until(() -> mailsTo(resident).size() == 1);

        // The next process gets the same event again and reads the journal afresh.
        new DeliveringNotice(List.of(email), ledger, records, rateLimit, meters, new SentJournal(properties)).deliver(notice);

        await().atMost(WAIT).untilAsserted(() -> assertThat(eventsOn(Topics.NOTIFICATIONS, id, NotificationSent.class))
                .singleElement().satisfies(s -> assertThat(s.messageId()).isEqualTo(email.messageId(notice))));
        Thread.sleep(1000); // a second mail would have been delivered by now
        assertThat(mailsTo(resident)).hasSize(1);
        MimeMessage mail = mailsTo(resident).get(0);
        assertThat(mail.getHeader("Bcc")).isNull(); // the journal is an envelope recipient only
        assertThat(Arrays.toString(mail.getAllRecipients())).doesNotContain(io.hearken.embedded.EmbeddedMail.JOURNAL_ADDRESS);
    }

    @Test
    void withoutAJournalTheWindowStaysOpenAndIsSaid() {
        var off = new NotifierProperties.Journal(null, null, 143, null, null, false, java.time.Duration.ofDays(1));
        assertThat(off.enabled()).isFalse();
        assertThat(new SentJournal(withJournal(off)).accepted("<any@hearken.local>")).isFalse();
    }

    private NotifierProperties withJournal(NotifierProperties.Journal journal) {
        NotifierProperties p = properties;
        return new NotifierProperties(p.from(), p.publicUrl(), p.linkSecret(), p.satisfactionValidFor(), p.zone(),
                p.staffLanguage(), p.supervisors(), p.supervisorPattern(), p.management(), p.rateLimit(), p.retry(),
                p.smtpTimeout(), p.smtpKeepAlive(), journal, p.sms(), p.progress(), p.parallelSends());
    }

    private Notice progressNotice(ComplaintId id, String resident) {
        Locale locale = Locale.ENGLISH;
        Map<String, Object> model = Map.of("complaintSubject", "Lift", "quote", "Parts ordered.",
                "department", templates.departmentName("maintenance", locale),
                "trackingUrl", "http://localhost:8080/track?id=" + id);
        return new Notice(MailKind.PROGRESS, id, "progress-" + UUID.randomUUID(),
                new Recipient(Recipient.Audience.RESIDENT, null, resident, null), locale, model, false);
    }

    private List<MimeMessage> mailsTo(String address) {
        return received().stream().filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().contains(address))
                        || Arrays.toString(m.getHeader("To")).contains(address);
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }
}
