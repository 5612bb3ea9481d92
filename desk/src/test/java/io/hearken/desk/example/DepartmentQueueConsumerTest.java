package io.hearken.desk.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hearken.desk.DeskTestSupport;
import io.hearken.events.ComplaintRouted;
import io.hearken.events.Topics;
import io.hearken.embedded.EmbeddedServers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The documented plain-consumer example really reads a department's queue topic. */
class DepartmentQueueConsumerTest extends DeskTestSupport {

    @Test
    void aDepartmentsOwnSystemReadsItsWorkOrdersWithAPlainConsumer() throws Exception {
        ComplaintRouted routed = routed("security", 1, "夜间门禁失灵", "12号楼");
        send(Topics.assignments("security"), routed);

        List<DepartmentQueueConsumer.WorkOrder> orders = new ArrayList<>();
        try (DepartmentQueueConsumer queue = new DepartmentQueueConsumer(
                EmbeddedServers.current().kafka().bootstrapServers(), "security", "example-" + UUID.randomUUID())) {
            await().atMost(PATIENCE).until(() -> {
                queue.pollOnce(Duration.ofMillis(500), orders::add);
                return orders.stream().anyMatch(o -> o.trackingId().equals(routed.complaintId().value()));
            });
        }
        DepartmentQueueConsumer.WorkOrder order = orders.stream()
                .filter(o -> o.trackingId().equals(routed.complaintId().value())).findFirst().orElseThrow();
        assertThat(order.priority()).isEqualTo(1);
        // A plain consumer without the master key sees the public fields; the resident's are sealed (docs/privacy.md).
        assertThat(order.subject()).isNull();
        assertThat(order.building()).isEqualTo("12号楼");
        assertThat(order.residentPhone()).isNull();
        assertThat(order.resolutionDue()).isEqualTo(routed.assignment().resolutionDue().toString());
    }
}
