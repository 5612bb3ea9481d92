package io.hearken.notifier.notifying;

import io.hearken.events.ComplaintEvent;
import io.hearken.events.Topics;
import io.hearken.notifier.NotifierTopics;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Routings, desk updates, SLA events and replayed dead letters, a poll at a time ({@link NotifyingOnBatch}: many
 * complaints' notices at once, one complaint's in order). Failures go to the notifier's error handler (back-off,
 * then {@link NotifierTopics#DEAD_LETTERS}) record by record.
 */
@Component("notifierComplaintEventsListener")
class ComplaintEventsListener {

    private final NotifyingOnBatch notifying;

    ComplaintEventsListener(NotifyingOnBatch notifying) {
        this.notifying = notifying;
    }

    @KafkaListener(id = NotifyingOnBatch.LISTENER_ID, topics = {Topics.ROUTED, Topics.UPDATES, NotifierTopics.RETRY},
            containerFactory = "notifierListenerContainerFactory", concurrency = "${hearken.notifier.concurrency:3}")
    void on(List<ConsumerRecord<String, ComplaintEvent>> events) {
        notifying.handle(events);
    }
}
