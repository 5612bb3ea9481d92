package io.hearken.intake.email.intake;

import io.hearken.readmodel.ComplaintLookup;
import io.hearken.readmodel.FreshTrackingIds;
import io.hearken.events.ComplaintEvent;
import io.hearken.intake.email.EmailIntakeProperties;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.core.KafkaTemplate;

/** What a restarted process would build: a fresh seen-store read back from Kafka, and a use case on it. */
public final class IntakeRestarts {

    private IntakeRestarts() {
    }

    public static SeenMessages freshStore(KafkaProperties kafka, EmailIntakeProperties properties) {
        return new SeenMessages(kafka, properties, io.hearken.events.store.LocalStateProperties.defaults());
    }

    public static ReceivingMail freshIntake(SeenMessages store, EmailIntakeProperties properties,
            KafkaTemplate<String, ComplaintEvent> events, ComplaintLookup lookup, FreshTrackingIds freshIds, MeterRegistry meters,
            String secret) {
        return new ReceivingMail(properties, store, events, lookup, freshIds, meters, io.hearken.events.config.HearkenMailProperties.defaults(),
                new io.hearken.events.privacy.PersonalData(secret));
    }

    public static String dedupeKey(io.hearken.intake.email.mime.ReadMail mail) {
        return MailFacts.dedupeKey(mail);
    }
}
