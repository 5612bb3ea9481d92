package io.hearken.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import io.hearken.events.ComplaintId;
import io.hearken.events.TrackingIds;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The pool of tracking ids is checked against the real read model in batches: an id a complaint already has in the
 * {@code complaints} index is never handed out, so a collision cannot overwrite another complaint.
 */
@SpringBootTest(classes = ReadModelTest.Config.class, properties = {"hearken.embedded.mode=test",
        "spring.kafka.bootstrap-servers=127.0.0.1:1", "spring.mail.host=unused.invalid"})
class FreshTrackingIdsTest {

    @Autowired
    ElasticsearchClient elasticsearch;

    @Autowired
    TrackingIdsInUse inUse;

    @Autowired
    FreshTrackingIds shared;

    @Test
    void anIdThatAComplaintAlreadyHasIsNeverHandedOut() throws Exception {
        ComplaintId taken = TrackingIds.next();
        if (!elasticsearch.indices().exists(e -> e.index(Indices.COMPLAINTS)).value()) {
            elasticsearch.indices().create(c -> c.index(Indices.COMPLAINTS).withJson(new StringReader(ReadModelTest.MAPPING)));
        }
        elasticsearch.index(i -> i.index(Indices.COMPLAINTS).id(taken.value())
                .document(Map.of("id", taken.value(), "status", "RECEIVED")).refresh(Refresh.True));
        // Every other draw repeats the taken id, as if the random source kept colliding.
        AtomicInteger draws = new AtomicInteger();
        Supplier<ComplaintId> colliding = () -> draws.getAndIncrement() % 2 == 0 ? taken : TrackingIds.next();
        FreshTrackingIds ids = new FreshTrackingIds(inUse, colliding);
        try {
            ids.refill();

            assertThat(ids.available()).isEqualTo(FreshTrackingIds.BATCH - 1);
            List<ComplaintId> handedOut = new ArrayList<>();
            for (int i = 0; i < FreshTrackingIds.BATCH - 1; i++) {
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
        FreshTrackingIds ids = new FreshTrackingIds(inUse, TrackingIds::next);
        try {
            ComplaintId first = ids.next();

            assertThat(ComplaintId.isValid(first.value())).isTrue();
            assertThat(ids.unchecked()).isEqualTo(1);
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> ids.available() > 0);
            ids.next();
            assertThat(ids.unchecked()).isEqualTo(1);
        } finally {
            ids.destroy();
        }
    }

    @Test
    void theProcessHasOnePoolThatPreparesAhead() {
        shared.prepare();

        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> shared.available() > 0);
    }
}
