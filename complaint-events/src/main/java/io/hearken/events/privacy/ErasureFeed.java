package io.hearken.events.privacy;

import io.hearken.events.Topics;
import io.hearken.events.json.EventJson;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Follows {@code privacy.erasures} in a consumer group of this deployable and hands each {@link ResidentErased} to
 * every {@link ErasureHandler} of it. A failing handler is retried with back-off for about ten minutes (a mail server
 * that is down comes back); after that the failure is logged as an error with the erasure id, for an operator to
 * re-run, and the feed goes on.
 */
public final class ErasureFeed implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ErasureFeed.class);

    private final Map<String, Object> consumerConfig;
    private final ObjectProvider<ErasureHandler> handlers;
    private ConcurrentMessageListenerContainer<String, ResidentErased> container;

    /** Reads only where the deployable has a handler (it keeps personal data outside Kafka). */
    public ErasureFeed(Map<String, Object> consumerConfig, ObjectProvider<ErasureHandler> handlers) {
        this.consumerConfig = consumerConfig;
        this.handlers = handlers;
    }

    /**
     * The consumer group is named by the handlers and by what they clean on this host ({@link ErasureHandler#scope}),
     * so every deployable, and every instance with storage of its own, reads every erasure; a new host name or a new
     * handler reads the erasures again from the start (the handlers are idempotent).
     */
    static String group(List<ErasureHandler> handlers) {
        List<String> names = handlers.stream().map(h -> h.getClass().getSimpleName())
                .map(n -> n.contains("$$") ? n.substring(0, n.indexOf("$$")) : n).sorted().distinct().toList();
        StringBuilder scope = new StringBuilder(host());
        handlers.stream().map(h -> h.getClass().getName() + "=" + h.scope()).sorted().forEach(s -> scope.append('|').append(s));
        return "hearken-erasures-" + String.join("+", names) + "-"
                + Integer.toHexString(scope.toString().hashCode());
    }

    private static String host() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "localhost";
        }
    }

    @Override
    public synchronized void start() {
        List<ErasureHandler> all = handlers.orderedStream().toList();
        if (container == null && !all.isEmpty()) {
            container = container(consumerConfig, group(all), all);
            container.start();
        }
    }

    @Override
    public synchronized void stop() {
        if (container != null) {
            container.stop();
            container = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return container != null && container.isRunning();
    }

    /** The record of one erasure on {@code privacy.erasures}: key = erasure id, the audit record as plain JSON. */
    public static org.apache.kafka.clients.producer.ProducerRecord<String, byte[]> record(ResidentErased erased) {
        return new org.apache.kafka.clients.producer.ProducerRecord<>(Topics.ERASURES, erased.erasureId(),
                EventJson.mapper().writeValueAsBytes(erased));
    }

    public static Deserializer<ResidentErased> deserializer() {
        return new ErrorHandlingDeserializer<>((topic, bytes) ->
                bytes == null ? null : EventJson.mapper().readValue(bytes, ResidentErased.class));
    }

    static ConcurrentMessageListenerContainer<String, ResidentErased> container(Map<String, Object> consumerConfig,
            String group, List<ErasureHandler> handlers) {
        Map<String, Object> config = new HashMap<>(consumerConfig);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        var factory = new DefaultKafkaConsumerFactory<>(config, new StringDeserializer(), deserializer());
        ContainerProperties properties = new ContainerProperties(Topics.ERASURES);
        properties.setMessageListener((MessageListener<String, ResidentErased>) record -> {
            if (record.value() != null) {
                for (ErasureHandler handler : handlers) {
                    handler.on(record.value());
                }
            }
        });
        var container = new ConcurrentMessageListenerContainer<>(factory, properties);
        ExponentialBackOff backOff = new ExponentialBackOff(2_000, 2);
        backOff.setMaxInterval(120_000);
        backOff.setMaxElapsedTime(600_000);
        container.setCommonErrorHandler(new DefaultErrorHandler((record, e) -> log.error(
                "Erasure {} could not be completed here after retries; re-run it: {}",
                record.value() instanceof ResidentErased r ? r.erasureId() : record.key(), e.toString()), backOff));
        container.setBeanName("hearkenErasureFeed");
        return container;
    }
}
