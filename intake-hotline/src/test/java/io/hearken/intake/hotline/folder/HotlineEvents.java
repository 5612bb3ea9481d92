package io.hearken.intake.hotline.folder;

import io.hearken.events.ComplaintEvent;
import io.hearken.events.ComplaintReceived;
import io.hearken.events.FollowUpReceived;
import io.hearken.events.Topics;
import io.hearken.events.kafka.TopicRecords;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Reads intake.hotline of the shared embedded broker, for test contexts of their own. */
final class HotlineEvents {

    private HotlineEvents() {
    }

    /** Every event on intake.hotline whose call id starts with the prefix. */
    static List<ComplaintEvent> on(String callIdPrefix) {
        List<ComplaintEvent> found = new ArrayList<>();
        for (ConsumerRecord<String, ComplaintEvent> r : TopicRecords.events(Topics.INTAKE_HOTLINE)) {
            String ref = sourceRef(r.value());
            if (ref != null && ref.startsWith(callIdPrefix)) {
                found.add(r.value());
            }
        }
        return found;
    }

    static String sourceRef(ComplaintEvent event) {
        if (event instanceof ComplaintReceived r) {
            return r.sourceRef();
        }
        return event instanceof FollowUpReceived f ? f.sourceRef() : null;
    }
}
