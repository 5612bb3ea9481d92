package io.hearken.notifier.notifying;

import io.hearken.events.ComplaintId;
import io.hearken.events.Topics;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;
import org.springframework.stereotype.Component;

/**
 * The partitions of {@code complaints.updates} this instance's listener owns now, kept by the rebalance listener.
 * Work that no event triggers (the periodic notes) is done for a complaint only by the instance that owns its
 * partition, so two notifier instances do not both send it; the ledger catches what a rebalance lets through.
 */
@Component("notifierOwnedPartitions")
public class OwnedPartitions {

    private final Set<Integer> owned = ConcurrentHashMap.newKeySet();
    private volatile int partitionCount;

    public void assigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        for (TopicPartition tp : partitions) {
            if (Topics.UPDATES.equals(tp.topic())) {
                owned.add(tp.partition());
            }
        }
        if (partitions.stream().anyMatch(tp -> Topics.UPDATES.equals(tp.topic()))) {
            partitionCount = consumer.partitionsFor(Topics.UPDATES).size();
        }
    }

    public void revoked(Collection<TopicPartition> partitions) {
        for (TopicPartition tp : partitions) {
            if (Topics.UPDATES.equals(tp.topic())) {
                owned.remove(tp.partition());
            }
        }
    }

    /** Whether this instance owns the complaint's partition (its events are keyed by the complaint id). */
    public boolean owns(ComplaintId id) {
        int count = partitionCount;
        return count > 0 && owned.contains(partitionOf(id.value(), count));
    }

    /** The partition Kafka's default partitioner gives a record keyed by {@code key} (murmur2 of its UTF-8 bytes). */
    static int partitionOf(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }
}
