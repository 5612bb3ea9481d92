package io.hearken.analytics.privacy;

import io.hearken.analytics.indexing.ComplaintDocument;
import io.hearken.events.ComplaintId;
import io.hearken.events.ComplaintSnapshot;
import io.hearken.events.Topics;
import io.hearken.events.kafka.StateTopic;
import io.hearken.events.privacy.PersonalData;
import io.hearken.events.privacy.Sealing;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;

/**
 * The resident's right of access: everything Hearken holds about one contact, for a manager to hand over. Per
 * complaint: its current state from {@code complaints.state}, opened (the resident's own words, contacts, unit), and
 * its index document. The state topic is read once from the beginning: rare, and never on a hot path.
 */
@Component("analyticsExportingResidentData")
class ExportingResidentData {

    /** One complaint as held: the state the services work from, and what analytics indexed. */
    record Held(String complaintId, ComplaintSnapshot state, ComplaintDocument index) {
    }

    record Export(String contactHash, Instant exportedAt, List<Held> complaints) {
    }

    private static final Logger log = LoggerFactory.getLogger(ExportingResidentData.class);

    private final PersonalData personalData;
    private final ResidentComplaints complaints;
    private final KafkaProperties kafka;
    private final Sealing sealing;

    ExportingResidentData(PersonalData personalData, ResidentComplaints complaints, KafkaProperties kafka,
            Sealing sealing) {
        this.personalData = personalData;
        this.complaints = complaints;
        this.kafka = kafka;
        this.sealing = sealing;
    }

    Export export(String contact, String by) {
        String hash = personalData.hash(contact);
        if (hash == null) {
            throw new IllegalArgumentException(ContactRequest.MALFORMED);
        }
        Set<ComplaintId> ids = complaints.resident(hash).ids();
        Set<String> wanted = ids.stream().map(ComplaintId::value).collect(Collectors.toSet());
        Map<String, ComplaintSnapshot> states = new HashMap<>();
        if (!wanted.isEmpty()) {
            // Only the resident's snapshots are opened (StateTopic's own format and sealing), not the whole topic.
            try (var format = StateTopic.deserializer(sealing)) {
                TopicReads.latest(kafka, Topics.STATE, wanted::contains).forEach((id, record) -> {
                    ComplaintSnapshot snapshot = format.deserialize(record.topic(), record.headers(), record.value());
                    if (snapshot != null) {
                        states.put(id, snapshot);
                    }
                });
            }
        }
        Map<String, ComplaintDocument> indexed = complaints.indexed(ids);
        List<Held> held = ids.stream().map(ComplaintId::value)
                .map(id -> new Held(id, states.get(id), indexed.get(id))).toList();
        log.info("Export of one resident's data by {}: {} complaints", by, held.size());
        return new Export(hash, Instant.now(), held);
    }
}
