package io.hearken.desk.board;

import io.hearken.events.Actor;
import io.hearken.events.Attachment;
import io.hearken.events.ComplaintReceived;
import io.hearken.events.ComplaintRouted;
import io.hearken.events.Contact;
import io.hearken.events.Place;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything the assigned department may see about a complaint, the resident's contact in clear included
 * (the department needs it; analytics only ever stores it masked). {@code assignment} is the router's last
 * decision as it was published; {@code firstResponseDue} and {@code resolutionDue} are the deadlines now, after
 * pauses and reopenings; {@code classification} includes a supervisor's correction; {@code enteredBy} is the staff
 * member who entered a walk-in, letter, patrol, phone or notice-board complaint.
 */
public record ComplaintDetail(QueueItem summary, String channel, String via, String language, Contact contact,
        String residentType, Place place, String description, List<Attachment> attachments, Map<String, String> details,
        ComplaintRouted.Classification classification, ComplaintRouted.Assignment assignment,
        ComplaintRouted.Links links, Integer satisfaction, List<TimelineEntry> timeline, Instant firstResponseDue,
        Instant resolutionDue, Actor enteredBy) {

    public static ComplaintDetail of(DeskComplaint c, Instant now) {
        ComplaintReceived r = c.complaint();
        return new ComplaintDetail(QueueItem.of(c, now), r == null || r.channel() == null ? null : r.channel().name(),
                r == null ? null : r.via(), r == null ? null : r.language(), r == null ? null : r.contact(),
                r == null || r.residentType() == null ? null : r.residentType().name(), r == null ? null : r.place(),
                r == null ? null : r.description(), r == null ? List.of() : r.attachments(),
                r == null ? Map.of() : r.details(), c.classification(), c.routing().assignment(),
                c.routing().links(), c.satisfaction(), c.history().stream().map(TimelineEntry::of).toList(),
                c.firstResponseDue(), c.resolutionDue(), r == null ? null : r.by());
    }
}
