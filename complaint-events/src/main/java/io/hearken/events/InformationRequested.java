package io.hearken.events;

import java.time.Instant;

/** The department needs something from the resident: the SLA clock pauses until they answer. On {@code complaints.updates}. */
public record InformationRequested(String eventId, ComplaintId complaintId, Instant at, Actor by, String question) implements ComplaintEvent {

    public static final String TYPE = "information-requested";
}
