package io.hearken.analytics.indexing;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.hearken.analytics.AnalyticsProperties;
import io.hearken.events.ComplaintEvent;
import io.hearken.events.privacy.PersonalData;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/** The indexer's own batch container factory: bulk per poll, and a failed batch is retried until it lands. */
@Configuration(value = "analyticsIndexingConfiguration", proxyBeanMethods = false)
// The return-visit rule is the desk's (hearken.desk.return-visits.*): the index holds the due time it gives.
@org.springframework.boot.context.properties.EnableConfigurationProperties(io.hearken.events.config.ReturnVisitProperties.class)
class IndexingConfiguration {

    /** Events the indexer can never fold, with the reason in a header (see {@link IndexingListener}). */
    @Bean
    org.apache.kafka.clients.admin.NewTopic analyticsDeadLetterTopic(io.hearken.events.kafka.TopicCatalogue topics) {
        return topics.topic(IndexingListener.DEAD_LETTERS, io.hearken.events.kafka.TopicKind.DEAD_LETTERS);
    }

    @Bean
    IndexSetup analyticsIndexSetup(ElasticsearchClient client) {
        IndexSetup setup = new IndexSetup(client);
        setup.tryAtStartup();
        return setup;
    }

    @Bean
    IndexingEvents analyticsIndexingEvents(ElasticsearchClient client, IndexSetup setup,
            PersonalData personalData, io.hearken.events.config.ReturnVisitProperties returnVisits) {
        return new IndexingEvents(client, setup, personalData, Clock.systemUTC(), returnVisits.rule());
    }

    /**
     * While Elasticsearch fails, the error handler pauses the consumer (it keeps polling, so the group does
     * not rebalance, but fetches nothing), waits with exponential back-off and retries the same batch,
     * without end: offsets are committed only after a batch is indexed, so nothing is lost or skipped.
     */
    @Bean
    ConcurrentKafkaListenerContainerFactory<String, ComplaintEvent> analyticsListenerContainerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer,
            ObjectProvider<ConsumerFactory<Object, Object>> consumerFactories, KafkaProperties kafkaProperties,
            ObjectProvider<DefaultKafkaConsumerFactoryCustomizer> customizers, AnalyticsProperties properties) {
        // Boot's consumer factory (with the event wire format); our own from the same properties if the
        // all-in-one holds several, so another module's factory never changes how analytics reads.
        ConsumerFactory<Object, Object> consumerFactory = consumerFactories.getIfUnique(() -> {
            var own = new DefaultKafkaConsumerFactory<Object, Object>(kafkaProperties.buildConsumerProperties());
            customizers.orderedStream().forEach(c -> c.customize(own));
            return own;
        });
        var factory = new ConcurrentKafkaListenerContainerFactory<String, ComplaintEvent>();
        @SuppressWarnings({"unchecked", "rawtypes"})
        ConcurrentKafkaListenerContainerFactory<Object, Object> raw = (ConcurrentKafkaListenerContainerFactory) factory;
        configurer.configure(raw, consumerFactory);
        factory.setBatchListener(true);
        factory.setConcurrency(properties.concurrency());
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.BATCH);
        ExponentialBackOff backOff = new ExponentialBackOff(properties.retryInitial().toMillis(), 2.0);
        backOff.setMaxInterval(properties.retryMax().toMillis());
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        factory.setCommonErrorHandler(new DefaultErrorHandler(backOff));
        return factory;
    }
}
