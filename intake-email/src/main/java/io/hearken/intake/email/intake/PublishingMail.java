package io.hearken.intake.email.intake;

import io.hearken.events.Attachment;
import io.hearken.events.Channel;
import io.hearken.events.ComplaintEvent;
import io.hearken.events.ComplaintId;
import io.hearken.events.ComplaintReceived;
import io.hearken.events.Contact;
import io.hearken.events.Events;
import io.hearken.events.FollowUpReceived;
import io.hearken.events.MailBounced;
import io.hearken.events.MailThreading;
import io.hearken.events.Topics;
import io.hearken.events.privacy.PersonalData;
import io.hearken.intake.email.EmailIntakeProperties;
import io.hearken.intake.email.mime.DeliveryReport;
import io.hearken.intake.email.mime.MailFile;
import io.hearken.intake.email.mime.ReadMail;
import io.hearken.intake.email.mime.Texts;
import io.hearken.readmodel.FreshTrackingIds;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Turns a mail {@link ReceivingMail} has decided on into its event (a new complaint, a follow-up, a bounce report),
 * stores its attachments, publishes it and records the outcome once Kafka acknowledged. The dedupe reservation goes
 * to Kafka before the complaint, so a crash in between reuses the tracking id instead of making a second complaint.
 */
final class PublishingMail {

    private static final Logger log = LoggerFactory.getLogger(ReceivingMail.class);
    private static final String NO_TEXT = "（邮件无正文，请见附件）(no text in the mail, see the attachments)";
    private static final String CUT = "\n…（正文过长，已截断；完整邮件见已处理文件夹）(text cut: the whole mail is kept in the processed folder)";

    private final EmailIntakeProperties properties;
    private final SeenMessages seen;
    private final KafkaTemplate<String, ComplaintEvent> events;
    private final FreshTrackingIds freshIds;
    private final PersonalData personalData;
    private final SenderLimit senderLimit;
    private final AttachmentStore attachments;
    private final String domain;
    private final MailOutcomes outcomes;

    PublishingMail(EmailIntakeProperties properties, SeenMessages seen, KafkaTemplate<String, ComplaintEvent> events,
            FreshTrackingIds freshIds, String domain, PersonalData personalData, MailOutcomes outcomes) {
        this.properties = properties;
        this.seen = seen;
        this.events = events;
        this.freshIds = freshIds;
        this.domain = domain;
        this.personalData = personalData;
        this.outcomes = outcomes;
        this.senderLimit = new SenderLimit(properties.senderHourlyLimit(), Clock.systemUTC());
        this.attachments = new AttachmentStore(properties.attachmentsDir());
    }

    CompletableFuture<Outcome> followUp(ReadMail mail, FollowUps.Match match, String key) throws IOException {
        String text = cut(mail.replyText());
        if (text.isBlank() && mail.files().isEmpty()) {
            return done(outcomes.record(Outcome.Kind.SKIPPED, Triage.Skip.EMPTY.tag, match.id(), mail, "a reply with nothing new"));
        }
        String eventId = Events.idFrom("email", key);
        FollowUpReceived event = new FollowUpReceived(eventId, match.id(), Instant.now(), Channel.EMAIL,
                MailFacts.sourceRef(mail), match.matchedBy(), text, store(match.id(), mail.files()));
        return send(Topics.INTAKE_EMAIL, match.id().value(), event)
                .thenCompose(v -> seen.put(key, new SeenMessages.Entry(true, match.id().value(), eventId)))
                .thenApply(v -> outcomes.record(Outcome.Kind.FOLLOW_UP, match.matchedBy(), match.id(), mail, null));
    }

    /** {@code prior}: this mail's reservation from an earlier attempt, or null. */
    CompletableFuture<Outcome> complaint(ReadMail mail, String key, SeenMessages.Entry prior, String origin)
            throws IOException {
        String text = cut(mail.text());
        String subject = mail.subject().strip();
        subject = subject.length() > 500 ? subject.substring(0, 500) + "…" : subject;
        if (text.isBlank() && subject.isBlank() && mail.files().isEmpty()) {
            return done(outcomes.record(Outcome.Kind.SKIPPED, Triage.Skip.EMPTY.tag, null, mail, "no subject, text or attachment"));
        }
        ComplaintId id;
        String eventId = Events.idFrom("email", key);
        CompletableFuture<Void> reserved;
        if (prior != null) {
            id = ComplaintId.of(prior.complaintId()); // published before a crash, maybe: same complaint again
            reserved = seen.put(key, prior); // again: the first write may not have reached Kafka
        } else {
            if (!senderLimit.tryAcquire(mail.fromAddress())) {
                return done(outcomes.record(Outcome.Kind.SKIPPED, Triage.Skip.RATE_LIMITED.tag, null, mail,
                        "over " + properties.senderHourlyLimit() + " complaints in an hour"));
            }
            id = freshIds.next(); // checked against the read model ahead, in batches: no round trip per mail
            reserved = seen.put(key, new SeenMessages.Entry(false, id.value(), eventId));
        }
        if (subject.isBlank()) {
            String first = text.isBlank() ? NO_TEXT : text.lines().findFirst().orElse("").strip();
            subject = first.length() > 80 ? first.substring(0, 80) + "…" : first;
        }
        ComplaintReceived event = new ComplaintReceived(eventId, id, Instant.now(), Channel.EMAIL, "imap",
                MailFacts.sourceRef(mail), new Contact(mail.fromName(), mail.fromAddress(), null), null, null, subject,
                text.isBlank() ? (mail.files().isEmpty() ? subject : NO_TEXT) : text, null,
                Texts.guessLanguage(subject, text), store(id, mail.files()), MailFacts.details(mail, origin));
        // The reservation must be in Kafka before the complaint is: a crash in between then reuses the id.
        return reserved.thenCompose(v -> send(Topics.INTAKE_EMAIL, id.value(), event))
                .thenCompose(v -> seen.put(key, new SeenMessages.Entry(true, id.value(), eventId)))
                .thenApply(v -> outcomes.record(Outcome.Kind.COMPLAINT, "new", id, mail, null));
    }

    /** A delivery report about one of our own mails, for the notifier (which stops writing to a dead address). */
    CompletableFuture<Void> bounce(ReadMail mail, DeliveryReport report, String key) {
        Optional<ComplaintId> complaint = MailThreading.complaintIdFromReferences(report.originalIds(), domain);
        if (complaint.isEmpty() && report.originalComplaintHeader() != null
                && ComplaintId.isValid(report.originalComplaintHeader())) {
            complaint = Optional.of(ComplaintId.of(report.originalComplaintHeader()));
        }
        String hash = personalData.hash(report.recipient());
        MailBounced event = new MailBounced(Events.idFrom("email-bounce", key), complaint.orElse(null), Instant.now(),
                report.recipient(), hash, report.permanent(), report.status(),
                report.diagnostic() != null ? report.diagnostic() : mail.subject());
        log.info("Email intake: {} bounce for {} ({}), complaint {}", report.permanent() ? "permanent" : "transient",
                PersonalData.mask(report.recipient()), report.status(), complaint.map(ComplaintId::value).orElse("unknown"));
        return send(Topics.NOTIFICATIONS, complaint.map(ComplaintId::value).orElse(hash), event);
    }

    static String cut(String text) {
        return text.length() <= ReceivingMail.MAX_TEXT ? text : text.substring(0, ReceivingMail.MAX_TEXT) + CUT;
    }

    static CompletableFuture<Outcome> done(Outcome outcome) {
        return CompletableFuture.completedFuture(outcome);
    }

    private CompletableFuture<Void> send(String topic, String key, ComplaintEvent event) {
        return events.send(new ProducerRecord<>(topic, key, event)).orTimeout(30, TimeUnit.SECONDS).thenApply(r -> null);
    }

    private List<Attachment> store(ComplaintId id, List<MailFile> files) throws IOException {
        List<Attachment> stored = new ArrayList<>();
        for (MailFile f : files) {
            stored.add(attachments.store(id, f));
        }
        return stored;
    }
}
