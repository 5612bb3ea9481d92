package io.hearken.analytics.privacy;

import io.hearken.events.Actor;
import io.hearken.events.ComplaintAnonymised;
import io.hearken.events.ComplaintEvent;
import io.hearken.events.ComplaintId;
import io.hearken.events.Events;
import io.hearken.events.Topics;
import io.hearken.events.privacy.DataKeys;
import io.hearken.events.privacy.PersonalData;
import io.hearken.events.privacy.ResidentErased;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.stereotype.Component;

/**
 * Erases a resident (their request, through a manager) or anonymises complaints past retention: for each complaint
 * its data keys are destroyed, so every record of it everywhere reads back without its personal fields; then
 * {@link ComplaintAnonymised} tells every service to drop what it holds in clear (analytics strips the index), the
 * audit record goes to {@code privacy.erasures}, and a little later the key topic is rolled so compaction removes
 * the keys for good. Never logs the contact.
 */
@Component("analyticsErasingResidents")
class ErasingResidents {

    /** What the manager gets back: no personal data, the erasure id to look it up in the audit. */
    record Receipt(String erasureId, int complaints, Instant at) {
    }

    private static final Logger log = LoggerFactory.getLogger(ErasingResidents.class);

    private final PersonalData personalData;
    private final ResidentComplaints complaints;
    private final ObjectProvider<DataKeys> dataKeys;
    private final KafkaOperations<String, ComplaintEvent> kafka;
    private final ErasureAudit audit;
    private final PrivacyJobs jobs;
    private final ErasureProperties properties;
    private final Clock clock = Clock.systemUTC();

    ErasingResidents(PersonalData personalData, ResidentComplaints complaints, ObjectProvider<DataKeys> dataKeys,
            KafkaOperations<String, ComplaintEvent> kafka, ErasureAudit audit, PrivacyJobs jobs,
            ErasureProperties properties) {
        this.personalData = personalData;
        this.complaints = complaints;
        this.dataKeys = dataKeys;
        this.kafka = kafka;
        this.audit = audit;
        this.jobs = jobs;
        this.properties = properties;
    }

    /** Every complaint of the resident with this e-mail address or phone number, as asked by {@code by}. */
    Receipt erase(String contact, Actor by) {
        String hash = personalData.hash(contact);
        if (hash == null) {
            throw new IllegalArgumentException(ContactRequest.MALFORMED);
        }
        ResidentComplaints.Found resident = complaints.resident(hash);
        List<ComplaintId> ids = List.copyOf(resident.ids());
        ResidentErased erased = anonymise("ER-" + Events.newId(), ids, List.copyOf(resident.contactHashes()), by,
                ComplaintAnonymised.REQUEST);
        return new Receipt(erased.erasureId(), ids.size(), erased.at());
    }

    /**
     * Anonymises these complaints under one audit record. Safe to run again with the same {@code erasureId}: the
     * keys are gone already and the events keep their ids (derived from the erasure and the complaint).
     */
    ResidentErased anonymise(String erasureId, Collection<ComplaintId> ids, List<String> contactHashes, Actor by,
            String reason) {
        Instant at = clock.instant();
        DataKeys keys = dataKeys.getObject();
        List<CompletableFuture<?>> sent = new ArrayList<>();
        for (ComplaintId id : ids) {
            keys.destroy(id.value());
            var event = new ComplaintAnonymised(Events.idFrom("complaint-anonymised", erasureId, id.value()), id, at,
                    by, erasureId, reason);
            sent.add(kafka.send(Topics.UPDATES, id.value(), event));
        }
        try {
            CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted announcing erasure " + erasureId, e);
        } catch (Exception e) {
            // The keys are gone (the data is unreadable); the announcement is what failed: the caller may retry.
            throw new IllegalStateException("Erasure " + erasureId + ": keys destroyed, but Kafka did not take every "
                    + ComplaintAnonymised.TYPE + " event: " + e, e);
        }
        ResidentErased erased = new ResidentErased(erasureId, at, by.id(), reason, contactHashes, List.copyOf(ids));
        audit.record(erased);
        if (!ids.isEmpty()) {
            jobs.after(properties.compactionNudge(), "rolling " + Topics.PRIVACY_KEYS, keys::nudgeCompaction);
        }
        log.info("Erasure {} ({}) by {}: {} complaints anonymised", erasureId, reason, by.id(), ids.size());
        return erased;
    }
}
