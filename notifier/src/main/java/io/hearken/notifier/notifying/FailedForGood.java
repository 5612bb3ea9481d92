package io.hearken.notifier.notifying;

import io.hearken.notifier.delivery.NotRetryable;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Records that failed for good ({@link NotRetryable}: the SMS gateway refused the message, the mail cannot be built)
 * while an earlier record of the same poll failed too. spring-kafka redelivers them behind that one; handling them
 * again would ask a gateway that already said no (it would say no again, but the resident's number and the text go
 * out twice). So each is remembered by its place in the log and fails again at once with the same cause, until the
 * error handler dead-letters it. Bounded: the oldest are forgotten first; after a restart or a rebalance such a record
 * is tried once more.
 */
final class FailedForGood {

    private static final int LIMIT = 10_000;

    private final Map<String, RuntimeException> byPlace = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, RuntimeException> eldest) {
            return size() > LIMIT;
        }
    };

    synchronized void note(ConsumerRecord<?, ?> record, RuntimeException failure) {
        if (NotRetryable.is(failure)) {
            byPlace.put(place(record), failure);
        }
    }

    /** The failure this record had before, or null when it was not remembered. */
    synchronized RuntimeException of(ConsumerRecord<?, ?> record) {
        return byPlace.get(place(record));
    }

    private static String place(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }
}
