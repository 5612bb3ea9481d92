package io.hearken.events.privacy;

import io.hearken.events.ComplaintId;
import java.time.Instant;
import java.util.List;

/**
 * The audit record of one erasure, on the compacted {@code privacy.erasures} (key = {@code erasureId}, so every
 * erasure is kept for good): who asked, when, why, which complaints. Never the erased data: the resident appears only
 * as the keyed hashes of their contacts, which the channels need to find stored mail and transcripts of theirs.
 *
 * @param by     the manager's user name, or {@code retention-policy}
 * @param reason {@code request} or {@code retention}
 */
public record ResidentErased(String erasureId, Instant at, String by, String reason, List<String> contactHashes,
        List<ComplaintId> complaintIds) {

    public ResidentErased {
        contactHashes = contactHashes == null ? List.of() : List.copyOf(contactHashes);
        complaintIds = complaintIds == null ? List.of() : List.copyOf(complaintIds);
    }
}
