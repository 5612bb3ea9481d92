package io.hearken.readmodel;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/** The {@code complaints} document as read here: every field optional, fields readers do not use ignored. */
@JsonIgnoreProperties(ignoreUnknown = true)
record IndexedComplaint(String id, String status, String channel, String category, String urgency,
        Integer priority, String department, String subject, String description, String language,
        String building, String unit, Instant receivedAt, Instant firstResponseDue, Instant resolutionDue,
        String contactHash, String area, String residentType, Instant firstResponseAt, Instant resolvedAt,
        Long firstResponseMinutes, Long resolutionMinutes, String slaStatus, Integer satisfaction, Boolean repeat,
        String duplicateOf, Integer escalations) {

    /** Not only notifications so far: the complaint itself has been received or routed. */
    boolean isComplaint() {
        return receivedAt != null || department != null;
    }

    ComplaintView view(String documentId) {
        return new ComplaintView(id != null ? id : documentId, status, channel, category, urgency, priority, department,
                subject, description, language, building, unit, receivedAt, firstResponseDue, resolutionDue, contactHash,
                area, residentType, firstResponseAt, resolvedAt, firstResponseMinutes, resolutionMinutes, slaStatus,
                satisfaction, Boolean.TRUE.equals(repeat), duplicateOf, escalations == null ? 0 : escalations);
    }
}
