package io.hearken.intake.email.intake;

import io.hearken.events.config.HearkenMailProperties;
import io.hearken.events.ComplaintEvent;
import io.hearken.events.privacy.PersonalData;
import io.hearken.intake.email.EmailIntakeProperties;
import io.hearken.intake.email.mime.MailReader;
import io.hearken.intake.email.mime.ReadMail;
import io.hearken.intake.email.mime.UnreadableMail;
import io.hearken.readmodel.ComplaintLookup;
import io.hearken.readmodel.FreshTrackingIds;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * One incoming mail → at most one event: a new complaint, a follow-up, a bounce report, or a recorded
 * skip. Returns only after Kafka acknowledged what it published, so the caller may then flag and move the
 * mail. Knows nothing of IMAP folders. Here: reading, dedupe, triage and which failures are temporary; building and
 * publishing the event is {@link PublishingMail}.
 */
@Component("emailReceivingMail")
public class ReceivingMail {

    private static final Logger log = LoggerFactory.getLogger(ReceivingMail.class);
    static final String METRIC = "hearken.email.messages";
    /** Longer texts are cut (the whole mail stays in the processed folder), so an event stays far below Kafka's 1 MB. */
    public static final int MAX_TEXT = 100_000;

    private final EmailIntakeProperties properties;
    private final SeenMessages seen;
    private final MailReader reader;
    private final Triage triage;
    private final FollowUps followUps;
    private final MailOutcomes outcomes;
    private final PublishingMail publishing;
    private final FreshTrackingIds freshIds;
    /** Striped by dedupe key: two copies of one mail decide one after the other, different mails in parallel. */
    private final Object[] decisions = new Object[64];

    ReceivingMail(EmailIntakeProperties properties, SeenMessages seen, KafkaTemplate<String, ComplaintEvent> events,
            ComplaintLookup lookup, FreshTrackingIds freshIds, MeterRegistry meters, HearkenMailProperties mail,
            PersonalData personalData) {
        String domain = mail.domain();
        this.properties = properties;
        this.seen = seen;
        this.reader = MailReader.limitedTo(properties.maxAttachmentSize());
        this.triage = new Triage(domain);
        this.followUps = new FollowUps(domain, lookup, personalData);
        java.util.Arrays.setAll(decisions, i -> new Object());
        this.outcomes = new MailOutcomes(seen.strings(), properties.deadLetterTopic(), meters);
        this.publishing = new PublishingMail(properties, seen, events, freshIds, domain, personalData, outcomes);
        this.freshIds = freshIds;
    }

    /** Mails are about to come: checked tracking ids are drawn now, while the mailbox hands them over. */
    public void expect() {
        freshIds.prepare();
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
            return PublishingMail.done(outcomes.record(Outcome.Kind.DUPLICATE, "seen", null, mail, "already became " + prior.complaintId()));
        }
        Optional<Triage.Skip> skip = triage.skip(mail);
        if (skip.isPresent()) {
            CompletableFuture<?> reported = CompletableFuture.completedFuture(null);
            if (skip.get() == Triage.Skip.BOUNCE && mail.report() != null && mail.report().recipient() != null) {
                reported = publishing.bounce(mail, mail.report(), key);
            }
            return reported.thenApply(v -> outcomes.record(Outcome.Kind.SKIPPED, skip.get().tag, null, mail, null));
        }
        Optional<FollowUps.Match> match = followUps.match(mail);
        if (match.isPresent() && !match.get().fromContact()) {
            return outcomes.quarantine(message, "a reply in the thread of " + match.get().id()
                    + " from an address that is not"
                    + " the complaint's contact: a person must confirm it belongs there", origin, "foreign-reply");
        }
        CompletableFuture<Outcome> published = match.isPresent() ? publishing.followUp(mail, match.get(), key)
                : publishing.complaint(mail, key, prior, origin);
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
}
