package io.hearken.desk.files;

import io.hearken.events.Attachment;
import java.time.Instant;

/**
 * One file of a complaint as the desk lists it: who sent it ({@code resident} or {@code staff}), when, and the
 * address to download it from ({@code href}). The stored location stays on the server.
 */
public record DeskFile(String id, String fileName, String contentType, long size, String from, Instant at,
        String href, boolean image) {

    static DeskFile of(String complaintId, String id, Attachment a, String from, Instant at) {
        return new DeskFile(id, a.fileName(), a.contentType(), a.size(), from, at,
                "/api/v1/desk/complaints/" + complaintId + "/attachments/" + id, ServedTypes.inline(a.contentType()));
    }
}
