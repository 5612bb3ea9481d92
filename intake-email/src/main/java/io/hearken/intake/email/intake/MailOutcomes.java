package io.hearken.intake.email.intake;

import io.hearken.events.ComplaintId;
import io.hearken.events.json.EventJson;
import io.hearken.events.privacy.PersonalData;
import io.hearken.intake.email.mime.ReadMail;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/** How a mail ended, said once: counted by outcome and reason, logged (senders masked), quarantines reported. */
final class MailOutcomes {

    private static final Logger log = LoggerFactory.getLogger(ReceivingMail.class);

    private final KafkaTemplate<String, String> strings;
    private final String deadLetterTopic;
    private final MeterRegistry meters;

    MailOutcomes(KafkaTemplate<String, String> strings, String deadLetterTopic, MeterRegistry meters) {
        this.strings = strings;
        this.deadLetterTopic = deadLetterTopic;
        this.meters = meters;
    }

    /** Reported on the dead-letter topic with the reason (the caller then moves the mail to the quarantine folder). */
    CompletableFuture<Outcome> quarantine(MimeMessage message, String reason, String origin, String tag) {
        String messageId = MailFacts.header(message, "Message-ID");
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("reason", reason);
        report.put("messageId", messageId);
        // No subject and only a masked sender: this topic is not sealed and outlives an erasure; the mail itself is in
        // the quarantine folder, found by its Message-ID.
        report.put("from", PersonalData.mask(MailFacts.header(message, "From")));
        report.put("folder", origin);
        report.put("at", Instant.now().toString());
        var record = new ProducerRecord<String, String>(deadLetterTopic,
                messageId != null ? messageId : "unknown", EventJson.mapper().writeValueAsString(report));
        record.headers().add("hearken-quarantine-reason", reason.getBytes(StandardCharsets.UTF_8));
        return strings.send(record).orTimeout(30, TimeUnit.SECONDS).thenApply(r -> {
            count(Outcome.Kind.QUARANTINED, tag);
            log.warn("Email intake: quarantined {} from {}: {}", messageId, origin, reason);
            return new Outcome(Outcome.Kind.QUARANTINED, reason, null);
        });
    }

    /** Counted and logged. */
    Outcome record(Outcome.Kind kind, String reason, ComplaintId id, ReadMail mail, String note) {
        count(kind, reason);
        switch (kind) {
            case COMPLAINT, FOLLOW_UP -> log.debug("Email intake: {} {} ({}) from {}", kind, id, reason,
                    PersonalData.mask(mail.fromAddress()));
            default -> log.info("Email intake: {} ({}) {} from {}{}", kind == Outcome.Kind.SKIPPED ? "skipped" : "duplicate",
                    reason, mail.messageId(), PersonalData.mask(mail.fromAddress()), note == null ? "" : ": " + note);
        }
        return new Outcome(kind, reason, id);
    }

    private void count(Outcome.Kind kind, String reason) {
        Counter.builder(ReceivingMail.METRIC).description("Mails read from the complaints mailbox, by outcome and reason")
                .tag("outcome", kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')).tag("reason", reason)
                .register(meters).increment();
    }
}
