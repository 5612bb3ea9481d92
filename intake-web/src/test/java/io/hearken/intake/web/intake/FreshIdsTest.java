package io.hearken.intake.web.intake;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import io.hearken.readmodel.Indices;
import io.hearken.events.ComplaintId;
import io.hearken.events.TrackingIds;
import io.hearken.readmodel.TrackingIdsInUse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/**
 * The pool of tracking ids is checked against the real read model in batches: an id a complaint already has
 * in the {@code complaints} index is never handed out, so a collision cannot overwrite another complaint.
 */
@SpringBootTest(properties = {"hearken.embedded.mode=test", "hearken.web.rate-limit.capacity=1000",
        "hearken.web.attachments-dir=target/flow-attachments", "hearken.privacy.secret=flow-test-secret"})
@AutoConfigureMockMvc
class FreshIdsTest {

    @Autowired
    ElasticsearchClient elasticsearch;

    @Autowired
    TrackingIdsInUse inUse;

    @Test
    void anIdThatAComplaintAlreadyHasIsNeverHandedOut() throws Exception {
        ComplaintId taken = TrackingIds.next();
        elasticsearch.index(i -> i.index(Indices.COMPLAINTS).id(taken.value())
                .document(Map.of("id", taken.value(), "status", "received")).refresh(Refresh.True));
        // Every other draw repeats the taken id, as if the random source kept colliding.
        AtomicInteger draws = new AtomicInteger();
        Supplier<ComplaintId> colliding = () -> draws.getAndIncrement() % 2 == 0 ? taken : TrackingIds.next();
        FreshIds ids = new FreshIds(inUse, colliding);
        try {
            ids.refill();

            assertThat(ids.available()).isEqualTo(FreshIds.BATCH - 1);
            List<ComplaintId> handedOut = new ArrayList<>();
            for (int i = 0; i < FreshIds.BATCH - 1; i++) {
                handedOut.add(ids.next());
            }
            assertThat(handedOut).doesNotContain(taken).doesNotHaveDuplicates();
            assertThat(ids.unchecked()).isZero();
        } finally {
            ids.destroy();
        }
    }

    @Test
    void withAnEmptyPoolAnUncheckedIdIsUsedAtOnceAndThePoolIsRefilled() {
        FreshIds ids = new FreshIds(inUse, TrackingIds::next);
        try {
            ComplaintId first = ids.next();

            assertThat(ComplaintId.isValid(first.value())).isTrue();
            assertThat(ids.unchecked()).isEqualTo(1);
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                    .until(() -> ids.available() > 0);
            ids.next();
            assertThat(ids.unchecked()).isEqualTo(1);
        } finally {
            ids.destroy();
        }
    }
}
