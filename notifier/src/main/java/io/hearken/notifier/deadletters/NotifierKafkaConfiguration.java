package io.hearken.notifier.deadletters;

import io.hearken.events.kafka.TopicCatalogue;
import io.hearken.events.kafka.TopicKind;
import io.hearken.notifier.NotifierProperties;
import io.hearken.notifier.NotifierTopics;
import io.hearken.notifier.delivery.NotRetryable;
import io.hearken.notifier.ledger.NotificationLedger;
import io.hearken.notifier.notifying.OwnedPartitions;
import io.hearken.notifier.notifying.NotifyingOnEvent;
import java.time.Duration;
import java.util.Collection;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The notifier's listener factory: Boot's settings, batch listeners, plus its own error handler (exponential
 * back-off while SMTP is down, then the dead-letter topic). The handler is not a bean, so other modules' listeners
 * keep theirs.
 */
@Configuration(value = "notifierKafkaConfiguration", proxyBeanMethods = false)
class NotifierKafkaConfiguration {

    @Bean
    KafkaAdmin.NewTopics notifierTopics(TopicCatalogue topics) {
        return new KafkaAdmin.NewTopics(topics.topic(NotifierTopics.RETRY, TopicKind.EVENTS),
                topics.topic(NotifierTopics.DEAD_LETTERS, TopicKind.DEAD_LETTERS));
    }

    @Bean
    @SuppressWarnings({"unchecked", "rawtypes"})
    ConcurrentKafkaListenerContainerFactory<Object, Object> notifierListenerContainerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<?, ?> consumerFactory,
            DeadLetterPublishing deadLetters, NotifierProperties properties, NotificationLedger ledger,
            OwnedPartitions owned) {
        ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
        configurer.configure(factory, (ConsumerFactory) consumerFactory);
        // A poll at a time, many complaints' notices in flight at once; a failed record is named in a
        // BatchListenerFailedException, so this handler retries and dead-letters that record alone.
        factory.setBatchListener(true);
        factory.getContainerProperties().setConsumerRebalanceListener(new CatchingUpOnAssignment(ledger, owned));
        NotifierProperties.Retry retry = properties.retry();
        ExponentialBackOff backOff = new ExponentialBackOff(retry.initialInterval().toMillis(), retry.multiplier());
        backOff.setMaxInterval(retry.maxInterval().toMillis());
        backOff.setMaxElapsedTime(retry.maxElapsed().toMillis());
        DefaultErrorHandler errors = new DefaultErrorHandler(deadLetters.recoverer(), backOff);
        // A mail that cannot be built, a message the SMS gateway refused: dead-lettered at once, the reason recorded.
        errors.addNotRetryableExceptions(NotRetryable.TYPES.toArray(new Class[0]));
        errors.setBackOffFunction((record, e) -> causedBy(e, NotifyingOnEvent.ComplaintNotKnownException.class)
                ? new FixedBackOff(retry.initialInterval().toMillis(), 2) : null);
        // A batch's seek after a failed record is spring-kafka's way of retrying, not an error of its own: the
        // failure itself is logged where it happens (DeliveringNotice, DeadLetterPublishing).
        errors.setLogLevel(KafkaException.Level.DEBUG);
        factory.setCommonErrorHandler(errors);
        return factory;
    }

    /**
     * Partitions taken over from another instance may bring back events it had mailed and recorded just before
     * it stopped: read {@code notifications} to its current end before the first of them is handled. Also keeps
     * {@link OwnedPartitions} current: the periodic notes go out from the instance that owns the complaint.
     */
    static final class CatchingUpOnAssignment implements ConsumerAwareRebalanceListener {

        private static final Logger log = LoggerFactory.getLogger(CatchingUpOnAssignment.class);
        /** Given up when the ledger read nothing for this long (stuck), */
        private static final Duration STALLED = Duration.ofSeconds(30);
        /** or after this: a listener blocked past max.poll.interval.ms (5 min) would leave its group. */
        private static final Duration LIMIT = Duration.ofMinutes(4);

        private final NotificationLedger ledger;
        private final OwnedPartitions owned;

        CatchingUpOnAssignment(NotificationLedger ledger, OwnedPartitions owned) {
            this.ledger = ledger;
            this.owned = owned;
        }

        @Override
        public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
            // At start the ledger reads the whole topic (minutes with 100k complaints): waited for while it reads.
            if (!partitions.isEmpty() && !ledger.awaitCurrent(STALLED, LIMIT)) {
                log.warn("The notification ledger did not catch up (nothing read for {}, or {} passed); a redelivered"
                        + " event may mail twice", STALLED, LIMIT);
            }
            owned.assigned(consumer, partitions);
        }

        @Override
        public void onPartitionsRevokedBeforeCommit(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
            owned.revoked(partitions);
        }

        @Override
        public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
            owned.revoked(partitions);
        }
    }

    static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
