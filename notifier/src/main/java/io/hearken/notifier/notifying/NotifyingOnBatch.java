package io.hearken.notifier.notifying;

import io.hearken.events.ComplaintEvent;
import io.hearken.events.ComplaintRouted;
import io.hearken.notifier.NotifierProperties;
import io.micrometer.observation.ObservationRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.micrometer.KafkaListenerObservation;
import org.springframework.kafka.support.micrometer.KafkaRecordReceiverContext;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.stereotype.Component;

/**
 * One poll's events, many notices in flight: the records are grouped by complaint (the record key), the groups run
 * at once on a pool of {@code hearken.notifier.parallel-sends} threads, each group's events one after the other in
 * {@link EventOrder} (so a complaint's mails keep the order of its events). The batch returns only when every group
 * has finished; if records failed, the earliest one in the poll is named in a {@link BatchListenerFailedException},
 * so the error handler commits what came before it, retries or dead-letters that record, and redelivers the rest
 * (the ledger keeps a redelivered, already answered record from mailing twice; {@link FailedForGood} a refused one
 * from being sent again). A record listed after a known failure is not started: it comes again anyway.
 */
@Component("notifierNotifyingOnBatch")
class NotifyingOnBatch implements DisposableBean {

    static final String LISTENER_ID = "notifier-mail";
    private static final LogAccessor log = new LogAccessor(NotifyingOnBatch.class);

    private final NotifyingOnEvent notifying;
    private final ThreadPoolExecutor sending;
    private final ObservationRegistry observations;
    private final FailedForGood failedForGood = new FailedForGood();

    NotifyingOnBatch(NotifyingOnEvent notifying, NotifierProperties properties,
            ObjectProvider<ObservationRegistry> observations, KafkaProperties kafka) {
        this.notifying = notifying;
        int threads = properties.parallelSends();
        AtomicInteger count = new AtomicInteger();
        this.sending = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                task -> {
                    Thread t = new Thread(task, "notifier-send-" + count.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        // The container observes each call of a record listener; a batch listener's records are observed here, so
        // each notice keeps its trace (the NotificationSent joins it) and its complaint id in the logs.
        this.observations = kafka.getListener().isObservationEnabled()
                ? observations.getIfUnique(() -> ObservationRegistry.NOOP) : ObservationRegistry.NOOP;
    }

    void handle(List<ConsumerRecord<String, ComplaintEvent>> records) {
        Batch batch = new Batch(records);
        Map<String, List<Integer>> complaints = new LinkedHashMap<>();
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, ComplaintEvent> record = records.get(i);
            DeserializationException unreadable = SerializationUtils.getExceptionFromHeader(record,
                    SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, log);
            if (unreadable != null) {
                batch.failed(i, unreadable); // not retryable: dead-lettered with its original bytes
            } else if (record.value() != null) {
                if (record.value() instanceof ComplaintRouted routed) {
                    notifying.foresee(routed);
                }
                String key = record.key() != null ? record.key() : record.value().complaintId().value();
                complaints.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
            }
        }
        List<Future<?>> running = new ArrayList<>(complaints.size());
        for (List<Integer> indexes : complaints.values()) {
            running.add(sending.submit(() -> batch.run(EventOrder.of(indexes, records))));
        }
        awaitAll(running);
        batch.throwEarliestFailure();
    }

    /** Uninterruptibly: a record redelivered while its first delivery still sends could mail twice. */
    private static void awaitAll(List<Future<?>> running) {
        boolean interrupted = false;
        for (Future<?> f : running) {
            while (true) {
                try {
                    f.get();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    break; // Batch.run records its failures; nothing else throws
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        sending.shutdown();
        sending.awaitTermination(10, TimeUnit.SECONDS);
    }

    /** The failures of one poll's records, by their index in the poll. */
    private final class Batch {

        private final List<ConsumerRecord<String, ComplaintEvent>> records;
        private final ConcurrentSkipListMap<Integer, RuntimeException> failures = new ConcurrentSkipListMap<>();

        Batch(List<ConsumerRecord<String, ComplaintEvent>> records) {
            this.records = records;
        }

        /**
         * One complaint's records in event order. A record listed after a failed one in the poll is not started:
         * it comes again after that one (its complaint's later events wait for it). Every record listed before the
         * earliest failure is handled, which the commit of the offsets before that failure relies on.
         */
        void run(List<Integer> inEventOrder) {
            for (int i : inEventOrder) {
                if (!failures.isEmpty() && failures.firstKey() < i) {
                    continue; // redelivered after the earlier failure anyway
                }
                ConsumerRecord<String, ComplaintEvent> record = records.get(i);
                RuntimeException before = failedForGood.of(record);
                if (before != null) {
                    failed(i, before); // refused already in an earlier delivery of this poll: dead-lettered, not resent
                    continue;
                }
                try {
                    KafkaListenerObservation.LISTENER_OBSERVATION.observation(null,
                            KafkaListenerObservation.DefaultKafkaListenerObservationConvention.INSTANCE,
                            () -> new KafkaRecordReceiverContext(record, LISTENER_ID, "", LISTENER_ID, () -> null),
                            observations).observe(() -> notifying.handle(record.value()));
                } catch (RuntimeException e) {
                    failedForGood.note(record, e);
                    failed(i, e);
                }
            }
        }

        void failed(int index, RuntimeException e) {
            failures.put(index, e);
        }

        void throwEarliestFailure() {
            if (failures.isEmpty()) {
                return;
            }
            Map.Entry<Integer, RuntimeException> first = failures.firstEntry();
            if (failures.size() > 1) {
                log.debug(() -> (failures.size() - 1) + " later failures of this poll come again after the first");
            }
            RuntimeException cause = first.getValue();
            throw new BatchListenerFailedException(String.valueOf(cause.getMessage()), cause, records.get(first.getKey()));
        }
    }
}
