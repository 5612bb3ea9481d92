package io.hearken.analytics.indexing;

import io.hearken.analytics.lookup.ComplaintView;
import io.hearken.events.ComplaintRouted;
import io.hearken.events.privacy.PersonalData;
import java.time.Instant;

/** The {@code complaints} document: one per complaint, current state, personal data masked or hashed. */
public record ComplaintDocument(String id, String status, String channel, String category, String urgency,
        Integer priority, String department, String subject, String description, String language,
        String building, String unit, Instant receivedAt, Instant firstResponseDue, Instant resolutionDue,
        String contactName, String contactEmail, String contactPhone, String contactHash) {

    static ComplaintDocument of(ComplaintRouted routed, PersonalData personalData) {
        var c = routed.complaint();
        var contact = c.contact();
        String key = contact == null ? null : contact.hasEmail() ? contact.email() : contact.phone();
        return new ComplaintDocument(routed.complaintId().value(), "assigned", c.channel().name(),
                routed.classification().category(), routed.classification().urgency().name(),
                routed.assignment().priority(), routed.assignment().department(), c.subject(), c.description(),
                c.language(), c.place() == null ? null : c.place().building(), c.place() == null ? null : c.place().unit(),
                c.at(), routed.assignment().firstResponseDue(), routed.assignment().resolutionDue(),
                contact == null ? null : PersonalData.maskName(contact.name()),
                contact == null ? null : PersonalData.mask(contact.email()),
                contact == null ? null : PersonalData.mask(contact.phone()),
                personalData.hash(key));
    }

    public ComplaintView view() {
        return new ComplaintView(id, status, channel, category, urgency, priority, department, subject, description,
                language, building, unit, receivedAt, firstResponseDue, resolutionDue, contactHash);
    }
}
