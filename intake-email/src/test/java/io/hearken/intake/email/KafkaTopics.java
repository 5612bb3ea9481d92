package io.hearken.intake.email;

import io.hearken.events.ComplaintEvent;
import io.hearken.events.kafka.TopicRecords;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Reads a whole topic, from the beginning to its current end, from the real broker. */
public final class KafkaTopics {

    private KafkaTopics() {
    }

    public static List<ConsumerRecord<String, ComplaintEvent>> events(String topic) {
        return TopicRecords.events(topic);
    }

    public static List<ConsumerRecord<String, String>> strings(String topic) {
        return TopicRecords.strings(topic);
    }
}
