package io.hearken.events;

import java.time.Instant;

/**
 * The complaint's personal data is gone for good: its data key was destroyed (an erasure asked for by the resident,
 * or the retention policy), so every earlier record of it reads back without name, contacts, the resident's words,
 * unit or attachments. On {@code complaints.updates}, keyed by the complaint, so that each service drops what it
 * holds in clear: the router rewrites its stores and {@code complaints.state}, analytics strips the index, the
 * channels delete stored mail, transcripts and files. {@code erasureId} links it to the audit record
 * ({@code privacy.erasures}); {@code reason} is {@code request} or {@code retention}. The complaint stays, anonymous.
 */
public record ComplaintAnonymised(String eventId, ComplaintId complaintId, Instant at, Actor by, String erasureId,
        String reason) implements ComplaintEvent {

    public static final String TYPE = "complaint-anonymised";
    public static final String REQUEST = "request";
    public static final String RETENTION = "retention";

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visit(this);
    }
}
