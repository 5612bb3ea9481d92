package io.hearken.readmodel;

import java.time.Instant;

/**
 * One complaint's current state as the read model holds it (no personal data: {@code contactHash} is
 * a keyed hash of the contact, for matching only): the fields of the {@code complaints} document
 * that other modules' pages and endpoints show. {@code status} is a
 * {@link io.hearken.events.ComplaintStatus} name; {@code slaStatus} is MET, BREACHED or PENDING.
 */
public record ComplaintView(String id, String status, String channel, String category, String urgency,
        Integer priority, String department, String subject, String description, String language,
        String building, String unit, Instant receivedAt, Instant firstResponseDue, Instant resolutionDue,
        String contactHash, String area, String residentType, Instant firstResponseAt, Instant resolvedAt, Long firstResponseMinutes,
        Long resolutionMinutes, String slaStatus, Integer satisfaction, boolean repeat, String duplicateOf,
        int escalations) {
}
