package io.hearken.notifier.ledger;

import io.hearken.events.ComplaintEvent;
import io.hearken.events.ComplaintId;
import io.hearken.events.Events;
import io.hearken.events.NotificationNotSent;
import io.hearken.events.NotificationSent;
import io.hearken.events.Topics;
import io.hearken.events.observability.ObservedKafka;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.stereotype.Component;

/**
 * Writes what happened to each mail to {@code notifications} (keyed by the complaint id) and waits for Kafka's
 * acknowledgement: that record is the dedupe record, so it must be durable before the event counts as handled.
 * Ids derive from the cause event, so a record written twice has one id. Its own producer, Boot's settings without
 * {@code linger.ms}: each record is awaited on its own, so lingering for a batch would only add to every mail.
 */
@Component("notifierRecordingNotifications")
public class RecordingNotifications implements DisposableBean {

    private final DefaultKafkaProducerFactory<String, ComplaintEvent> producers;
    private final KafkaOperations<String, ComplaintEvent> kafka;
    private final NotificationLedger ledger;
    private final Map<String, ComplaintEvent> pending = new ConcurrentHashMap<>();

    RecordingNotifications(ProducerFactory<String, ComplaintEvent> boot, ObservedKafka observed, NotificationLedger ledger) {
        this.producers = (DefaultKafkaProducerFactory<String, ComplaintEvent>) boot
                .copyWithConfigurationOverride(Map.of(ProducerConfig.LINGER_MS_CONFIG, 0));
        this.kafka = observed.observed(producers); // the copy keeps Boot's metrics listener; the trace on the record
        this.ledger = ledger;
    }

    @Override
    public void destroy() {
        producers.destroy();
    }

    public void sent(ComplaintId id, String kind, String medium, String maskedRecipient, String messageId,
            String causeEventId) {
        sent(id, kind, medium, maskedRecipient, messageId, causeEventId, null);
    }

    /** {@code detail}: what the message left out (a file that was gone), or null. */
    public void sent(ComplaintId id, String kind, String medium, String maskedRecipient, String messageId,
            String causeEventId, String detail) {
        publish(new NotificationSent(Events.idFrom("notification-sent", causeEventId, kind), id, Instant.now(), kind,
                medium, maskedRecipient, messageId, causeEventId, detail));
    }

    public void notSent(ComplaintId id, String kind, String reason, String detail, String causeEventId) {
        publish(new NotificationNotSent(Events.idFrom("notification-not-sent", causeEventId, kind, reason), id,
                Instant.now(), kind, reason, detail, causeEventId));
    }

    /**
     * A mail that went out while Kafka refused its record: the retry must write the record, not send again.
     * Returns {@code true} when there was such a record (now written).
     */
    public boolean writePending(String causeEventId, String kind) {
        ComplaintEvent record = pending.get(causeEventId + "|" + kind);
        if (record == null) {
            return false;
        }
        publish(record);
        return true;
    }

    private void publish(ComplaintEvent record) {
        String key = record instanceof NotificationSent s ? s.causeEventId() + "|" + s.kind() : null;
        try {
            kafka.send(Topics.NOTIFICATIONS, record.complaintId().value(), record).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while recording a notification", e);
        } catch (ExecutionException | TimeoutException e) {
            if (key != null) {
                pending.put(key, record);
            }
            throw new IllegalStateException("could not record the notification in Kafka: " + e.getMessage(), e);
        }
        if (key != null) {
            pending.remove(key);
        }
        ledger.note(record);
    }
}
