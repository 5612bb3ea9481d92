package io.hearken.intake.web.intake;

import io.hearken.readmodel.FreshTrackingIds;
import io.hearken.events.Attachment;
import io.hearken.events.Channel;
import io.hearken.events.ComplaintId;
import io.hearken.events.ComplaintReceived;
import io.hearken.events.Contact;
import io.hearken.events.Events;
import io.hearken.events.Place;
import io.hearken.events.ResidentType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Turns a valid web submission into a {@link ComplaintReceived} on {@code intake.web} and answers with the
 * tracking id only after Kafka acknowledged it. With an idempotency key the same submission answers the same
 * id again instead of making a second complaint: the key log answers a retry at once, and the id derived from the
 * key makes a retry that the log cannot answer yet (the first attempt died between the complaint and its key
 * record, or its answer was lost) publish the very same complaint again, which downstream drops as a repeat.
 */
@Component
public class SubmittingComplaint {

    private static final Logger log = LoggerFactory.getLogger(SubmittingComplaint.class);

    /** Where a submission came from: channel, {@code via} (form, api, open311) and extras for details. */
    public record Source(Channel channel, String via, String idempotencyKey, Place place, Map<String, String> details) {
    }

    /** The answer: the complaint id and whether this request made it (false: an earlier one did). */
    public record Submitted(ComplaintId id, boolean created) {
    }

    private final WebPublisher publisher;
    private final IdempotencyKeys keys;
    private final FreshTrackingIds freshIds;
    private final KeyedIds keyedIds;
    private final Map<String, CompletableFuture<Submitted>> inFlight = new ConcurrentHashMap<>();

    SubmittingComplaint(WebPublisher publisher, IdempotencyKeys keys, FreshTrackingIds freshIds, KeyedIds keyedIds) {
        this.publisher = publisher;
        this.keys = keys;
        this.freshIds = freshIds;
        this.keyedIds = keyedIds;
    }

    /** {@code draft} must be validated already. */
    public Submitted submit(ComplaintDraft draft, List<Attachment> attachments, Source source) {
        String key = source.idempotencyKey();
        if (key == null || key.isBlank()) {
            return new Submitted(publish(draft, attachments, source, null), true);
        }
        String scoped = source.via() + ":" + key;
        String fingerprint = fingerprint(draft);
        var existing = keys.find(scoped);
        if (existing.isPresent()) {
            return replay(existing.get(), fingerprint, key);
        }
        // Two requests with one key on this instance at once (a double click): the second waits for the first.
        CompletableFuture<Submitted> mine = new CompletableFuture<>();
        CompletableFuture<Submitted> running = inFlight.putIfAbsent(scoped, mine);
        if (running != null) {
            try {
                Submitted first = running.join();
                return new Submitted(first.id(), false);
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
        try {
            var again = keys.find(scoped);
            Submitted result;
            if (again.isPresent()) {
                result = replay(again.get(), fingerprint, key);
            } else {
                ComplaintReceived event = event(draft, attachments, source, scoped);
                // The key record only after the complaint is acknowledged: a key never names a lost complaint.
                if (!keys.publishWithKey(event, scoped, new IdempotencyKeys.Entry(event.complaintId().value(),
                        fingerprint))) {
                    // The complaint is in Kafka; only the memory of the key is not. Its sourceRef still names the key.
                    log.warn("Complaint {} accepted but its idempotency key was not recorded", event.complaintId());
                }
                result = new Submitted(event.complaintId(), true);
            }
            mine.complete(result);
            return result;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(scoped, mine);
        }
    }

    private static Submitted replay(IdempotencyKeys.Entry entry, String fingerprint, String key) {
        if (!entry.fingerprint().isEmpty() && !entry.fingerprint().equals(fingerprint)) {
            throw new IdempotencyConflict(key);
        }
        return new Submitted(ComplaintId.of(entry.complaintId()), false);
    }

    private ComplaintId publish(ComplaintDraft d, List<Attachment> attachments, Source source, String scopedKey) {
        ComplaintReceived event = event(d, attachments, source, scopedKey);
        publisher.publish(event);
        return event.complaintId();
    }

    private ComplaintReceived event(ComplaintDraft d, List<Attachment> attachments, Source source, String scopedKey) {
        // With a key, every attempt of the request names the same complaint (KeyedIds): no window doubles it.
        ComplaintId id = scopedKey == null ? freshIds.next() : keyedIds.forKey(scopedKey);
        String eventId = scopedKey == null ? Events.newId() : Events.idFrom("web", scopedKey);
        ComplaintReceived event = new ComplaintReceived(eventId, id, Instant.now(), source.channel(), source.via(),
                scopedKey, new Contact(trim(d.name()), trim(d.email()), trim(d.phone())), residentType(d.residentType()),
                source.place() != null ? source.place() : Place.of(trim(d.building()), trim(d.unit())),
                trim(d.subject()), d.description().strip(), trim(d.categoryHint()), language(d.language()),
                attachments, source.details());
        return event;
    }

    static String fingerprint(ComplaintDraft d) {
        String joined = String.join("\u001f", String.valueOf(d.name()), String.valueOf(d.email()),
                String.valueOf(d.phone()), String.valueOf(d.building()), String.valueOf(d.unit()),
                String.valueOf(d.subject()), String.valueOf(d.description()));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(joined.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static ResidentType residentType(String text) {
        if (text == null || text.isBlank()) {
            return ResidentType.UNKNOWN;
        }
        return ResidentType.valueOf(text.strip().toUpperCase(Locale.ROOT));
    }

    static String language(String text) {
        return text != null && text.strip().toLowerCase(Locale.ROOT).startsWith("en") ? "en" : "zh-CN";
    }

    static String trim(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
