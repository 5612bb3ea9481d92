package io.hearken.desk.actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hearken.staff.StaffRole;
import io.hearken.desk.DeskTestSupport;
import io.hearken.desk.board.ComplaintBoard;
import io.hearken.staff.StaffPerson;
import io.hearken.events.ComplaintEvent;
import io.hearken.events.ComplaintRouted;
import io.hearken.events.ComplaintStatus;
import io.hearken.events.kafka.EventWireFormatAutoConfiguration;
import java.net.ServerSocket;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/** When Kafka does not acknowledge, the action fails with 503 and nothing changes on the board. */
class WorkingOnComplaintsTest {

    @Test
    void anActionThatKafkaDidNotAcknowledgeIsReportedAndNotApplied() throws Exception {
        int deadPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            deadPort = socket.getLocalPort(); // closed again: nothing listens there
        }
        DefaultKafkaProducerFactory<String, ComplaintEvent> producers = new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + deadPort,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 500), new StringSerializer(), EventWireFormatAutoConfiguration.serializer(
                io.hearken.events.privacy.InMemoryKeys.sealing())); // no broker here at all: keys in memory
        ComplaintBoard board = DeskTestSupport.localBoard();
        ComplaintRouted routed = DeskTestSupport.routed("maintenance", 2, "漏水", "1号楼");
        board.apply(routed);
        WorkingOnComplaints work = new WorkingOnComplaints(board, new KafkaTemplate<>(producers));
        StaffPerson person = new StaffPerson("li.wei", "李伟", "maintenance", StaffRole.STAFF, Locale.CHINA);
        try {
            assertThatThrownBy(() -> work.acknowledge(person, routed.complaintId().value(), null))
                    .isInstanceOfSatisfying(DeskProblem.class, p -> {
                        assertThat(p.status()).isEqualTo(503);
                        assertThat(p.messageKey()).isEqualTo("problem.kafka");
                    });
            assertThat(board.find(routed.complaintId()).orElseThrow().status()).isEqualTo(ComplaintStatus.ASSIGNED);
        } finally {
            producers.destroy();
            board.close();
        }
    }
}
