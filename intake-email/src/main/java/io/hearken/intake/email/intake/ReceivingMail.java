package io.hearken.intake.email.intake;

import io.hearken.readmodel.ComplaintLookup;
import io.hearken.events.Attachment;
import io.hearken.events.Channel;
import io.hearken.events.ComplaintEvent;
import io.hearken.events.ComplaintId;
import io.hearken.events.ComplaintReceived;
import io.hearken.events.Contact;
import io.hearken.events.Events;
import io.hearken.events.FollowUpReceived;
import io.hearken.events.MailBounced;
import io.hearken.events.Topics;
import io.hearken.events.TrackingIds;
import io.hearken.events.privacy.PersonalData;
import io.hearken.intake.email.EmailIntakeProperties;
import io.hearken.intake.email.mime.DeliveryReport;
import io.hearken.intake.email.mime.MailFile;
import io.hearken.intake.email.mime.MailReader;
import io.hearken.intake.email.mime.ReadMail;
import io.hearken.intake.email.mime.Texts;
import io.hearken.intake.email.mime.UnreadableMail;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * One incoming mail → at most one event: a new complaint, a follow-up, a bounce report, or a recorded
 * skip. Returns only after Kafka acknowledged what it published, so the caller may then flag and move the
 * mail. Knows nothing of IMAP folders.
 */
@Component("emailReceivingMail")
public class ReceivingMail {

    private static final Logger log = LoggerFactory.getLogger(ReceivingMail.class);
    static final String METRIC = "hearken.email.messages";
    private static final String NO_TEXT = "（邮件无正文，请见附件）(no text in the mail, see the attachments)";
    /** Longer texts are cut (the whole mail stays in the processed folder), so an event stays far below Kafka's 1 MB. */
    public static final int MAX_TEXT = 100_000;
    private static final String CUT = "\n…（正文过长，已截断；完整邮件见已处理文件夹）(text cut: the whole mail is kept in the processed folder)";

    private final EmailIntakeProperties properties;
    private final SeenMessages seen;
    private final KafkaTemplate<String, ComplaintEvent> events;
    private final ComplaintLookup lookup;
    private final MeterRegistry meters;
    private final MailReader reader;
    private final Triage triage;
    private final FollowUps followUps;
    private final PersonalData personalData;
    private final SenderLimit senderLimit;
    private final AttachmentStore attachments;
    private final String domain;
    private final MailOutcomes outcomes;
    /** Striped by dedupe key: two copies of one mail decide one after the other, different mails in parallel. */
    private final Object[] decisions = new Object[64];

    ReceivingMail(EmailIntakeProperties properties, SeenMessages seen, KafkaTemplate<String, ComplaintEvent> events,
            ComplaintLookup lookup, MeterRegistry meters, @Value("${hearken.mail.domain:hearken.local}") String domain,
            PersonalData personalData) {
        this.properties = properties;
        this.seen = seen;
        this.events = events;
        this.lookup = lookup;
        this.meters = meters;
        this.reader = MailReader.limitedTo(properties.maxAttachmentSize());
        this.domain = domain;
        this.triage = new Triage(domain);
        this.personalData = personalData;
        this.followUps = new FollowUps(domain, lookup, personalData);
        this.senderLimit = new SenderLimit(properties.senderHourlyLimit(), Clock.systemUTC());
        java.util.Arrays.setAll(decisions, i -> new Object());
        this.attachments = new AttachmentStore(properties.attachmentsDir());
        this.outcomes = new MailOutcomes(seen.strings(), properties.deadLetterTopic(), meters);
    }

    /**
     * Decides at once (in the caller's thread, so limits and dedupe see mails in order) and completes when
     * Kafka acknowledged everything published for the mail; many mails can be in flight together.
     *
     * @param size   the mail's size as the server reports it (-1 if unknown); a bigger one than allowed is not read
     * @param origin where it was read, e.g. {@code INBOX}, for the records
     * @return completes exceptionally with {@link TemporaryFailure} when Kafka or the read model are
     *         unreachable: leave the mail and retry later
     */
    public CompletableFuture<Outcome> handle(MimeMessage message, long size, String origin) {
        CompletableFuture<Outcome> outcome;
        try {
            outcome = handleOrFail(message, size, origin);
        } catch (TemporaryFailure e) {
            return CompletableFuture.failedFuture(e);
        } catch (IOException e) {
            return CompletableFuture.failedFuture(new TemporaryFailure("cannot store attachments: " + e.getMessage(), e));
        } catch (RuntimeException e) {
            if (kafkaAway(e)) {
                // Not the mail's fault: a send that could not even start (no metadata within max.block.ms while the
                // broker is down) throws instead of failing its future. The mail stays for the next scan.
                return CompletableFuture.failedFuture(new TemporaryFailure("Kafka unreachable: " + e.getMessage(), e));
            }
            // A mail that trips a bug must not block the mailbox: it goes to quarantine like an unreadable one.
            log.error("Email intake: unexpected failure on a mail from {}", origin, e);
            outcome = outcomes.quarantine(message, "unexpected error while reading: " + e, origin, "unreadable");
        }
        return outcome.exceptionallyCompose(ReceivingMail::temporary);
    }

    /**
     * A mail the mailbox could not even fetch: reported on the dead-letter topic with the reason, to be moved
     * to the quarantine folder. Completes exceptionally with {@link TemporaryFailure} when Kafka is away.
     */
    public CompletableFuture<Outcome> unreadable(MimeMessage message, String reason, String origin) {
        return outcomes.quarantine(message, reason, origin, "unreadable").exceptionallyCompose(ReceivingMail::temporary);
    }

    private static boolean kafkaAway(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.apache.kafka.common.errors.RetriableException) { // TimeoutException among them
                return true;
            }
        }
        return false;
    }

    private static CompletableFuture<Outcome> temporary(Throwable e) {
        Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        return CompletableFuture.failedFuture(cause instanceof TemporaryFailure t ? t
                : new TemporaryFailure("Kafka did not acknowledge: " + cause, cause));
    }

    private CompletableFuture<Outcome> handleOrFail(MimeMessage message, long size, String origin) throws IOException {
        if (size > properties.maxMessageSize().toBytes()) {
            return outcomes.quarantine(message, "the mail (" + MailReader.megabytes(size) + ") is over the "
                    + MailReader.megabytes(properties.maxMessageSize().toBytes()) + " limit", origin, "unreadable");
        }
        ReadMail mail;
        try {
            mail = reader.read(message);
        } catch (UnreadableMail e) {
            return outcomes.quarantine(message, e.getMessage(), origin, "unreadable");
        }
        // Several mailboxes hand mail in from their own threads: copies of one mail (same key) decide one at a
        // time, so the second finds the first's reservation; the sender limit is synchronised on its own.
        String key = MailFacts.dedupeKey(mail);
        synchronized (decisions[Math.floorMod(key.hashCode(), decisions.length)]) {
            return decide(message, mail, key, origin);
        }
    }

    private CompletableFuture<Outcome> decide(MimeMessage message, ReadMail mail, String key, String origin)
            throws IOException {
        SeenMessages.Entry prior = seen.get(key);
        if (prior != null && prior.done()) {
            return done(outcomes.record(Outcome.Kind.DUPLICATE, "seen", null, mail, "already became " + prior.complaintId()));
        }
        Optional<Triage.Skip> skip = triage.skip(mail);
        if (skip.isPresent()) {
            CompletableFuture<?> reported = CompletableFuture.completedFuture(null);
            if (skip.get() == Triage.Skip.BOUNCE && mail.report() != null && mail.report().recipient() != null) {
                reported = publishBounce(mail, mail.report(), key);
            }
            return reported.thenApply(v -> outcomes.record(Outcome.Kind.SKIPPED, skip.get().tag, null, mail, null));
        }
        Optional<FollowUps.Match> match = followUps.match(mail);
        if (match.isPresent() && !match.get().fromContact()) {
            return outcomes.quarantine(message, "a reply in the thread of " + match.get().id()
                    + " from an address that is not"
                    + " the complaint's contact: a person must confirm it belongs there", origin, "foreign-reply");
        }
        CompletableFuture<Outcome> published = match.isPresent() ? followUp(mail, match.get(), key)
                : complaint(mail, key, prior, origin);
        // Kafka refuses the record for good: retrying would loop, so the mail goes to quarantine with the reason.
        return published.exceptionallyCompose(e -> refusedForGood(e)
                ? outcomes.quarantine(message, "Kafka refuses the event as too large: " + rootCause(e).getMessage(), origin,
                        "too-large")
                : CompletableFuture.failedFuture(e));
    }

    private static boolean refusedForGood(Throwable e) {
        return rootCause(e) instanceof org.apache.kafka.common.errors.RecordTooLargeException;
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private CompletableFuture<Outcome> followUp(ReadMail mail, FollowUps.Match match, String key) throws IOException {
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

    private CompletableFuture<Outcome> complaint(ReadMail mail, String key, SeenMessages.Entry prior, String origin)
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
            id = freshId();
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

    static String cut(String text) {
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT) + CUT;
    }

    private static CompletableFuture<Outcome> done(Outcome outcome) {
        return CompletableFuture.completedFuture(outcome);
    }

    /** A fresh tracking id the read model does not know (40 random bits: a clash is rare, not impossible). */
    private ComplaintId freshId() {
        ComplaintId id = TrackingIds.next();
        for (int i = 0; i < 3; i++) {
            try {
                if (lookup.find(id).isEmpty()) {
                    return id;
                }
            } catch (RuntimeException e) {
                return id; // the read model is down: the odds are on our side
            }
            id = TrackingIds.next();
        }
        return id;
    }

    private CompletableFuture<Void> publishBounce(ReadMail mail, DeliveryReport report, String key) {
        Optional<ComplaintId> complaint = io.hearken.events.MailThreading.complaintIdFromReferences(
                report.originalIds(), domain);
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
