package io.hearken.events;

import java.time.Instant;

/**
 * A return visit (回访) to the resident after a resolution, by staff of the complaint's department, on
 * {@code complaints.updates}: whether the resident was {@code reached}, whether they were {@code satisfied} (null when
 * not reached), the staff's {@code notes} about the call (the resident's words: sealed) and whether the visit
 * {@code reopened} the complaint (a {@code complaint-reopened} by the same person follows). It settles the visit that
 * was due ({@link ReturnVisitRule}).
 */
public record ReturnVisitRecorded(String eventId, ComplaintId complaintId, Instant at, Actor by, boolean reached,
        Boolean satisfied, String notes, boolean reopened) implements ComplaintEvent {

    public static final String TYPE = "return-visit-recorded";

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visit(this);
    }
}
