package io.hearken.desk.actions;

import io.hearken.events.ComplaintStatus;

/** What an action did: the event Kafka acknowledged, and where the complaint stands now. */
public record Done(String complaintId, String eventId, String event, ComplaintStatus status) {
}
