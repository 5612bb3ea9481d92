package io.hearken.analytics.lookup;

import java.time.Instant;

/**
 * One complaint's current state as the read model holds it (personal data masked). The public API
 * of the analytics module for other modules' pages and endpoints.
 */
public record ComplaintView(String id, String status, String channel, String category, String urgency,
        Integer priority, String department, String subject, String description, String language,
        String building, String unit, Instant receivedAt, Instant firstResponseDue, Instant resolutionDue,
        String contactHash) {
}
