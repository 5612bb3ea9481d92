package io.hearken.notifier.deadletters;

import io.hearken.events.kafka.TopicCatalogue;
import io.hearken.events.kafka.TopicKind;
import io.hearken.notifier.NotifierProperties;
import io.hearken.notifier.NotifierTopics;
import io.hearken.notifier.ledger.NotificationLedger;
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
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The notifier's listener factory: Boot's settings plus its own error handler (exponential back-off while SMTP
 * is down, then the dead-letter topic). The handler is not a bean, so other modules' listeners keep theirs.
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
            DeadLetterPublishing deadLetters, NotifierProperties properties, NotificationLedger ledger) {
        ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
        configurer.configure(factory, (ConsumerFactory) consumerFactory);
        factory.getContainerProperties().setConsumerRebalanceListener(new CatchingUpOnAssignment(ledger));
        NotifierProperties.Retry retry = properties.retry();
        ExponentialBackOff backOff = new ExponentialBackOff(retry.initialInterval().toMillis(), retry.multiplier());
        backOff.setMaxInterval(retry.maxInterval().toMillis());
        backOff.setMaxElapsedTime(retry.maxElapsed().toMillis());
        DefaultErrorHandler errors = new DefaultErrorHandler(deadLetters.recoverer(), backOff);
        // A mail that cannot even be built will not build on the next try either.
        errors.addNotRetryableExceptions(MailPreparationException.class, MailParseException.class);
        errors.setBackOffFunction((record, e) -> causedBy(e, NotifyingOnEvent.ComplaintNotKnownException.class)
                ? new FixedBackOff(retry.initialInterval().toMillis(), 2) : null);
        factory.setCommonErrorHandler(errors);
        return factory;
    }

    /**
     * Partitions taken over from another instance may bring back events it had mailed and recorded just before
     * it stopped: read {@code notifications} to its current end before the first of them is handled.
     */
    static final class CatchingUpOnAssignment implements ConsumerAwareRebalanceListener {

        private static final Logger log = LoggerFactory.getLogger(CatchingUpOnAssignment.class);
        private static final Duration LIMIT = Duration.ofSeconds(30);

        private final NotificationLedger ledger;

        CatchingUpOnAssignment(NotificationLedger ledger) {
            this.ledger = ledger;
        }

        @Override
        public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
            if (!partitions.isEmpty() && !ledger.awaitCurrent(LIMIT)) {
                log.warn("The notification ledger did not catch up within {}; a redelivered event may mail twice", LIMIT);
            }
        }
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
