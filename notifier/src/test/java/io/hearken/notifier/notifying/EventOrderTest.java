package io.hearken.notifier.notifying;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

/** A complaint's records of one poll, in the order they were written, each partition's in offset order. */
class EventOrderTest {

    @Test
    void anUpdateListedBeforeItsRoutingComesAfterIt() {
        List<ConsumerRecord<String, String>> poll = List.of(
                record("complaints.updates", 0, 7, 2_000, "note"),
                record("complaints.updates", 0, 8, 3_000, "later note"),
                record("complaints.routed", 0, 4, 1_000, "routing"),
                record("complaints.routed", 0, 5, 2_500, "re-routing"));
        assertThat(EventOrder.of(List.of(0, 1, 2, 3), poll)).containsExactly(2, 0, 3, 1);
    }

    @Test
    void onePartitionKeepsItsOffsetOrderWhateverTheTimestampsSay() {
        List<ConsumerRecord<String, String>> poll = List.of(
                record("complaints.updates", 1, 7, 5_000, "from a desk whose clock is ahead"),
                record("complaints.updates", 1, 8, 1_000, "from another desk"),
                record("complaints.routed", 1, 2, 3_000, "routing"));
        assertThat(EventOrder.of(List.of(0, 1, 2), poll)).containsExactly(2, 0, 1);
        assertThat(EventOrder.of(List.of(0, 1), poll)).containsExactly(0, 1);
    }

    @Test
    void equalTimestampsKeepThePollsOrder() {
        List<ConsumerRecord<String, String>> poll = List.of(
                record("complaints.updates", 0, 1, 1_000, "a"),
                record("complaints.routed", 0, 1, 1_000, "b"),
                record("notifier.mail-retry", 0, 1, 1_000, "c"));
        assertThat(EventOrder.of(List.of(0, 1, 2), poll)).containsExactly(0, 1, 2);
    }

    private static ConsumerRecord<String, String> record(String topic, int partition, long offset, long timestamp,
            String value) {
        return new ConsumerRecord<>(topic, partition, offset, timestamp, TimestampType.CREATE_TIME, -1, -1, "HK-1",
                value, new RecordHeaders(), Optional.empty());
    }
}
