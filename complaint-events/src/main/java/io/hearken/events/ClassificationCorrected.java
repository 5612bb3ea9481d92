package io.hearken.events;

import java.time.Instant;

/**
 * A supervisor corrects the router's category and urgency, on {@code complaints.updates}: the old and the new values,
 * so the classifier's learning loop can read what it got wrong. The router re-targets the SLA clock and publishes a
 * routing with the corrected classification (docs/router.md). {@code reason} is free text (sealed like any note).
 */
public record ClassificationCorrected(String eventId, ComplaintId complaintId, Instant at, Actor by,
        String fromCategory, String toCategory, Urgency fromUrgency, Urgency toUrgency, String reason)
        implements ComplaintEvent {

    public static final String TYPE = "classification-corrected";

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visit(this);
    }
}
