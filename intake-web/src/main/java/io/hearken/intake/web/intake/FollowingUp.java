package io.hearken.intake.web.intake;

import io.hearken.readmodel.ComplaintLookup;
import io.hearken.readmodel.ComplaintView;
import io.hearken.events.Channel;
import io.hearken.events.ComplaintId;
import io.hearken.events.Events;
import io.hearken.events.FeedbackGiven;
import io.hearken.events.FollowUpReceived;
import io.hearken.events.privacy.PersonalData;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * A resident's comment on, or rating of, an existing complaint. The resident proves it is theirs with the
 * contact (e-mail, or the phone when no e-mail was given) used at submission: its keyed hash must equal the
 * read model's {@code contactHash}. Both become events on {@code intake.web} keyed by the complaint id.
 */
@Component
public class FollowingUp {

    /** Why a follow-up was refused. */
    public enum Refusal { NOT_FOUND, NOT_YOURS, NOT_RESOLVED }

    public static class Refused extends RuntimeException {
        private final Refusal reason;

        public Refused(Refusal reason) {
            super(reason.name());
            this.reason = reason;
        }

        public Refusal reason() {
            return reason;
        }
    }

    private final ComplaintLookup lookup;
    private final WebPublisher publisher;
    private final PersonalData personalData;

    FollowingUp(ComplaintLookup lookup, WebPublisher publisher, PersonalData personalData) {
        this.lookup = lookup;
        this.publisher = publisher;
        this.personalData = personalData;
    }

    /** The complaint when {@code contact} proves the caller is its resident. */
    public ComplaintView prove(String complaintId, String contact) {
        if (!ComplaintId.isValid(complaintId)) {
            throw new Refused(Refusal.NOT_FOUND);
        }
        ComplaintView view = lookup.find(ComplaintId.of(complaintId)).orElseThrow(() -> new Refused(Refusal.NOT_FOUND));
        if (!matches(view, contact)) {
            throw new Refused(Refusal.NOT_YOURS);
        }
        return view;
    }

    public boolean matches(ComplaintView view, String contact) {
        String given = contact == null || contact.isBlank() ? null : personalData.hash(contact);
        return given != null && view.contactHash() != null
                && java.security.MessageDigest.isEqual(given.getBytes(), view.contactHash().getBytes());
    }

    /** Publishes the comment; the same idempotency key gives the same event id (consumers drop the repeat). */
    public FollowUpReceived comment(String complaintId, String contact, String text, String idempotencyKey) {
        ComplaintView view = prove(complaintId, contact);
        String eventId = idempotencyKey == null || idempotencyKey.isBlank() ? Events.newId()
                : Events.idFrom("web-comment", view.id(), idempotencyKey);
        FollowUpReceived event = new FollowUpReceived(eventId, ComplaintId.of(view.id()), Instant.now(), Channel.WEB,
                idempotencyKey, "contact", text.strip(), List.of());
        publisher.publish(event);
        return event;
    }

    /** Publishes the rating; only once the complaint is resolved. */
    public FeedbackGiven feedback(String complaintId, String contact, int score, String comment,
            String idempotencyKey) {
        ComplaintView view = prove(complaintId, contact);
        if (!"resolved".equalsIgnoreCase(view.status())) {
            throw new Refused(Refusal.NOT_RESOLVED);
        }
        String eventId = idempotencyKey == null || idempotencyKey.isBlank() ? Events.newId()
                : Events.idFrom("web-feedback", view.id(), idempotencyKey);
        FeedbackGiven event = new FeedbackGiven(eventId, ComplaintId.of(view.id()), Instant.now(), Channel.WEB, score,
                Optional.ofNullable(comment).map(String::strip).filter(s -> !s.isEmpty()).orElse(null));
        publisher.publish(event);
        return event;
    }
}
