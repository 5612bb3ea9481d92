package io.hearken.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;

/**
 * Every event about a complaint. The JSON carries its type id in {@code "type"} (listed in
 * docs/events.md), so any consumer, Java or not, can tell the events on a topic apart.
 * Unknown fields are ignored: the contract only ever grows by optional fields.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = ComplaintReceived.class, name = ComplaintReceived.TYPE),
        @JsonSubTypes.Type(value = FollowUpReceived.class, name = FollowUpReceived.TYPE),
        @JsonSubTypes.Type(value = FeedbackGiven.class, name = FeedbackGiven.TYPE),
        @JsonSubTypes.Type(value = ComplaintRouted.class, name = ComplaintRouted.TYPE),
        @JsonSubTypes.Type(value = ComplaintAcknowledged.class, name = ComplaintAcknowledged.TYPE),
        @JsonSubTypes.Type(value = ProgressNoted.class, name = ProgressNoted.TYPE),
        @JsonSubTypes.Type(value = InformationRequested.class, name = InformationRequested.TYPE),
        @JsonSubTypes.Type(value = ComplaintResolved.class, name = ComplaintResolved.TYPE),
        @JsonSubTypes.Type(value = ComplaintReassigned.class, name = ComplaintReassigned.TYPE),
        @JsonSubTypes.Type(value = DuplicateLinked.class, name = DuplicateLinked.TYPE),
        @JsonSubTypes.Type(value = ComplaintReopened.class, name = ComplaintReopened.TYPE),
        @JsonSubTypes.Type(value = ComplaintEscalated.class, name = ComplaintEscalated.TYPE),
        @JsonSubTypes.Type(value = SlaWarning.class, name = SlaWarning.TYPE),
        @JsonSubTypes.Type(value = SlaBreached.class, name = SlaBreached.TYPE),
        @JsonSubTypes.Type(value = NotificationSent.class, name = NotificationSent.TYPE),
        @JsonSubTypes.Type(value = NotificationNotSent.class, name = NotificationNotSent.TYPE),
        @JsonSubTypes.Type(value = MailBounced.class, name = MailBounced.TYPE),
        @JsonSubTypes.Type(value = ComplaintAnonymised.class, name = ComplaintAnonymised.TYPE),
        @JsonSubTypes.Type(value = HandlerAssigned.class, name = HandlerAssigned.TYPE),
        @JsonSubTypes.Type(value = ClassificationCorrected.class, name = ClassificationCorrected.TYPE),
        @JsonSubTypes.Type(value = ReturnVisitRecorded.class, name = ReturnVisitRecorded.TYPE),
})
@JsonIgnoreProperties(ignoreUnknown = true)
public sealed interface ComplaintEvent permits ComplaintReceived, FollowUpReceived, FeedbackGiven, ComplaintRouted,
        ComplaintAcknowledged, ProgressNoted, InformationRequested, ComplaintResolved, ComplaintReassigned,
        DuplicateLinked, ComplaintReopened, ComplaintEscalated, SlaWarning, SlaBreached,
        NotificationSent, NotificationNotSent, MailBounced, ComplaintAnonymised, HandlerAssigned,
        ClassificationCorrected, ReturnVisitRecorded {

    /** Unique per event (a UUID, or derived from the source so a redelivered input keeps its id). */
    String eventId();

    ComplaintId complaintId();

    /** When it happened (not when it was published). */
    Instant at();

    /** Calls the visitor's method for this event's type: {@code event.accept(visitor)}. */
    <R> R accept(Visitor<R> visitor);

    /**
     * One method per event type. Java 17 has no pattern {@code switch} over the sealed type, and an
     * {@code instanceof} chain lets a new event type fall through unnoticed; a visitor does not compile until
     * every implementation has decided what the new type means.
     */
    interface Visitor<R> {
        R visit(ComplaintReceived event);

        R visit(FollowUpReceived event);

        R visit(FeedbackGiven event);

        R visit(ComplaintRouted event);

        R visit(ComplaintAcknowledged event);

        R visit(ProgressNoted event);

        R visit(InformationRequested event);

        R visit(ComplaintResolved event);

        R visit(ComplaintReassigned event);

        R visit(DuplicateLinked event);

        R visit(ComplaintReopened event);

        R visit(ComplaintEscalated event);

        R visit(SlaWarning event);

        R visit(SlaBreached event);

        R visit(NotificationSent event);

        R visit(NotificationNotSent event);

        R visit(MailBounced event);

        R visit(ComplaintAnonymised event);

        R visit(HandlerAssigned event);

        R visit(ClassificationCorrected event);

        R visit(ReturnVisitRecorded event);
    }
}
