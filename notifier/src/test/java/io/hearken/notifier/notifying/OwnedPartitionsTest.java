package io.hearken.notifier.notifying;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearken.events.ComplaintId;
import io.hearken.events.Topics;
import io.hearken.events.TrackingIds;
import io.hearken.notifier.NotifierTestSupport;
import java.util.List;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Two notifier instances split the partitions of complaints.updates; each sends the periodic notes of the
 * complaints whose partition it owns, computed as Kafka's partitioner places their events.
 */
class OwnedPartitionsTest extends NotifierTestSupport {

    @Autowired
    OwnedPartitions ownedHere;

    @Test
    void aComplaintBelongsToExactlyOneOfTwoInstancesTheOneOwningItsPartition() throws Exception {
        int partitions;
        try (var consumer = consumers.createConsumer("owned-partitions-test", "t")) {
            partitions = consumer.partitionsFor(Topics.UPDATES).size();
            assertThat(partitions).isGreaterThan(1);
            OwnedPartitions first = new OwnedPartitions();
            OwnedPartitions second = new OwnedPartitions();
            List<TopicPartition> all = java.util.stream.IntStream.range(0, partitions)
                    .mapToObj(p -> new TopicPartition(Topics.UPDATES, p)).toList();
            first.assigned(consumer, all.stream().filter(tp -> tp.partition() % 2 == 0).toList());
            second.assigned(consumer, all.stream().filter(tp -> tp.partition() % 2 == 1).toList());
            for (int i = 0; i < 20; i++) {
                ComplaintId id = TrackingIds.next();
                // Where Kafka's producer puts this complaint's events (its own code, not a copy).
                int actual = org.apache.kafka.clients.producer.internals.BuiltInPartitioner.partitionForKey(
                        id.value().getBytes(java.nio.charset.StandardCharsets.UTF_8), partitions);
                assertThat(OwnedPartitions.partitionOf(id.value(), partitions)).isEqualTo(actual);
                assertThat(first.owns(id)).isNotEqualTo(second.owns(id));
                assertThat(first.owns(id)).isEqualTo(actual % 2 == 0);
                assertThat(ownedHere.owns(id)).as("this single instance owns every partition").isTrue();
            }
            // A revoked partition is no longer this instance's.
            second.revoked(all);
            ComplaintId id = TrackingIds.next();
            assertThat(second.owns(id)).isFalse();
        }
    }
}
