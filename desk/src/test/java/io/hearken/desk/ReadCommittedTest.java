package io.hearken.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hearken.embedded.EmbeddedServers;
import io.hearken.events.ComplaintRouted;
import io.hearken.events.ComplaintSnapshot;
import io.hearken.events.Topics;
import io.hearken.events.json.EventJson;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * The router writes in transactions; a transaction it aborts (a crash mid-step, a fenced zombie) leaves its
 * records in the log. The board must never show them, whether they come on a queue topic or on complaints.state.
 */
class ReadCommittedTest extends DeskTestSupport {

    @Test
    void theRecordsOfAnAbortedTransactionNeverReachTheBoard() throws Exception {
        ComplaintRouted abortedQueued = routed("maintenance", 2, "中止的分派", "8号楼");
        ComplaintRouted abortedState = routed("maintenance", 2, "中止的状态", "8号楼");
        ComplaintRouted committedQueued = routed("maintenance", 2, "提交的分派", "8号楼");
        ComplaintRouted committedState = routed("maintenance", 2, "提交的状态", "8号楼");
        String queue = Topics.assignments("maintenance");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedServers.current().kafka().bootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "desk-read-committed-" + UUID.randomUUID()),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(record(queue, abortedQueued.complaintId().value(), abortedQueued)).get();
            producer.send(record(Topics.STATE, abortedState.complaintId().value(), snapshot(abortedState))).get();
            producer.abortTransaction();
            // Committed records after them in the same partitions (same keys): once these are on the board, the
            // feed has read past the aborted ones.
            producer.beginTransaction();
            producer.send(record(queue, abortedQueued.complaintId().value(), committedQueued)).get();
            producer.send(record(Topics.STATE, abortedState.complaintId().value(), snapshot(committedState))).get();
            producer.commitTransaction();
        }

        await().atMost(PATIENCE).until(() -> board.find(committedQueued.complaintId()).isPresent()
                && board.find(committedState.complaintId()).isPresent());
        assertThat(board.find(abortedQueued.complaintId())).isEmpty();
        assertThat(board.find(abortedState.complaintId())).isEmpty();
    }

    private static ComplaintSnapshot snapshot(ComplaintRouted routed) {
        return ComplaintSnapshot.empty(routed.complaintId()).with(routed);
    }

    private static ProducerRecord<String, byte[]> record(String topic, String key, Object value) {
        return new ProducerRecord<>(topic, key, EventJson.mapper().writeValueAsBytes(value));
    }
}
