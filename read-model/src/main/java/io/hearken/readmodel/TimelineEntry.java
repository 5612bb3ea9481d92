package io.hearken.readmodel;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * One line of a complaint's history as the resident may see it (tracking page, REST). {@code type} is
 * the event's type id; {@code text} is public text only (a public note, a resolution, the resident's own
 * follow-up), never an internal note or another person's data.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TimelineEntry(String eventId, String type, Instant at, String status, String text, String department) {
}
