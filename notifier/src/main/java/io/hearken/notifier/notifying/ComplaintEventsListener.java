package io.hearken.notifier.notifying;

import io.hearken.events.ComplaintEvent;
import io.hearken.events.Topics;
import io.hearken.notifier.NotifierTopics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Routings, desk updates, SLA events and replayed dead letters. Failures go to the notifier's error handler
 * (back-off, then {@link NotifierTopics#DEAD_LETTERS}).
 */
@Component("notifierComplaintEventsListener")
class ComplaintEventsListener {

    private final NotifyingOnEvent notifying;

    ComplaintEventsListener(NotifyingOnEvent notifying) {
        this.notifying = notifying;
    }

    @KafkaListener(id = "notifier-mail", topics = {Topics.ROUTED, Topics.UPDATES, NotifierTopics.RETRY},
            containerFactory = "notifierListenerContainerFactory", concurrency = "${hearken.notifier.concurrency:3}")
    void on(ComplaintEvent event) {
        notifying.handle(event);
    }
}
