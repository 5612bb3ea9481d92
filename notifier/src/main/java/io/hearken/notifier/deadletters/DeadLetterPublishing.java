package io.hearken.notifier.deadletters;

import io.hearken.events.ComplaintEvent;
import io.hearken.events.observability.ObservedKafka;
import io.hearken.notifier.NotifierTopics;
import io.hearken.notifier.delivery.MailKind;
import io.hearken.notifier.delivery.Sender;
import io.hearken.notifier.ledger.NotSentReasons;
import io.hearken.notifier.ledger.RecordingNotifications;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.stereotype.Component;

/**
 * What happens when retries are exhausted: the event goes to {@link NotifierTopics#DEAD_LETTERS} (an unreadable
 * record keeps its original bytes) with spring-kafka's exception headers, and a {@code NotificationNotSent}
 * ({@code gave-up}) tells analytics. The dead letter topic is the notifier's own, so a replay never re-feeds
 * another module's failures.
 */
@Component("notifierDeadLetterPublishing")
class DeadLetterPublishing implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterPublishing.class);

    private final DefaultKafkaProducerFactory<String, byte[]> bytesProducer;
    private final DeadLetterPublishingRecoverer publisher;
    private final RecordingNotifications records;

    DeadLetterPublishing(KafkaProperties kafkaProperties, KafkaOperations<String, ComplaintEvent> events,
            RecordingNotifications records, ObservedKafka observed) {
        this.records = records;
        this.bytesProducer = new DefaultKafkaProducerFactory<>(kafkaProperties.buildProducerProperties(),
                new StringSerializer(), new ByteArraySerializer());
        Map<Class<?>, KafkaOperations<?, ?>> templates = new LinkedHashMap<>();
        templates.put(byte[].class, observed.template(bytesProducer)); // client metrics, dead letters in the trace
        templates.put(ComplaintEvent.class, events);
        this.publisher = new DeadLetterPublishingRecoverer(templates,
                (record, e) -> new TopicPartition(NotifierTopics.DEAD_LETTERS, -1));
    }

    ConsumerRecordRecoverer recoverer() {
        return (record, exception) -> {
            publisher.accept(record, exception);
            log.warn("Gave up on {} after retries, now in {}: {}", describe(record), NotifierTopics.DEAD_LETTERS,
                    rootMessage(exception));
            // A rejected message was recorded with its precise reason ("rejected") before it was thrown.
            if (record.value() instanceof ComplaintEvent event && MailKind.of(event).isPresent()
                    && !NotifierKafkaConfiguration.causedBy(exception, Sender.Rejected.class)) {
                records.notSent(event.complaintId(), MailKind.of(event).get().id(), NotSentReasons.GAVE_UP,
                        rootMessage(exception), event.eventId());
            }
        };
    }

    private static String describe(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset() + " (key " + record.key() + ")";
    }

    /** The innermost message, with any mail address masked (an SMTP error may quote the recipient). */
    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String message = t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
        message = message.replaceAll("([A-Za-z0-9])[A-Za-z0-9._%+-]*@", "$1***@");
        return message.length() > 500 ? message.substring(0, 500) : message;
    }

    @Override
    public void destroy() {
        bytesProducer.destroy();
    }
}
