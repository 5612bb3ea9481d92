package io.hearken.intake.web;

import io.hearken.events.ComplaintEvent;
import io.hearken.events.Topics;
import io.hearken.events.kafka.TopicRecords;
import java.util.List;

/** Reads {@code intake.web} back from the real broker, from the beginning, to confirm what was published. */
public final class IntakeTopicReader {

    private IntakeTopicReader() {
    }

    /** Every event on intake.web with this key, in order. */
    public static List<ComplaintEvent> eventsFor(String bootstrapServers, String complaintId) {
        return TopicRecords.events(bootstrapServers, Topics.INTAKE_WEB).stream()
                .filter(r -> complaintId.equals(r.key()) && r.value() != null).map(r -> r.value()).toList();
    }
}
