package io.hearken.analytics;

import static io.hearken.analytics.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.hearken.analytics.indexing.ComplaintDocument;
import io.hearken.analytics.indexing.IndexSetup;
import io.hearken.analytics.indexing.IndexingEvents;
import io.hearken.events.ComplaintId;
import io.hearken.events.Departments;
import io.hearken.events.Topics;
import io.hearken.events.privacy.PersonalData;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Two indexer instances writing the same complaints at the same moment (as during a rebalance, or two
 * services sharing a topic by mistake) lose no update: a write that conflicts is read, folded and written
 * again, and every event ends up in its complaint's document exactly once, and in the events index.
 */
class ConcurrentIndexingTest extends AnalyticsIntegrationTest {

    @Test
    void twoInstancesWritingTheSameComplaintsLoseNoEvent() throws Exception {
        PersonalData personalData = new PersonalData("analytics-test-secret");
        IndexingEvents first = new IndexingEvents(elasticsearch, new IndexSetup(elasticsearch), personalData,
                Clock.systemUTC());
        IndexingEvents second = new IndexingEvents(elasticsearch, new IndexSetup(elasticsearch), personalData,
                Clock.systemUTC());
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(3600);
        List<ComplaintId> ids = new ArrayList<>();
        List<IndexingEvents.Incoming> one = new ArrayList<>();
        List<IndexingEvents.Incoming> other = new ArrayList<>();
        for (int c = 0; c < 20; c++) {
            ComplaintId id = newId();
            ids.add(id);
            var received = received(id, t0, "并发楼", "并发写入测试 " + c);
            one.add(new IndexingEvents.Incoming(routed(received, t0.plusSeconds(1), "facility",
                    Departments.MAINTENANCE), Topics.ROUTED));
            for (int n = 0; n < 10; n++) {
                one.add(new IndexingEvents.Incoming(note(id, t0.plusSeconds(10 + n), Departments.MAINTENANCE,
                        "a" + n, false), Topics.UPDATES));
                other.add(new IndexingEvents.Incoming(note(id, t0.plusSeconds(20 + n), Departments.MAINTENANCE,
                        "b" + n, false), Topics.UPDATES));
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            // Each instance writes its events in several small batches, so the two interleave.
            var a = CompletableFuture.runAsync(() -> inSlices(start, first, one), pool);
            var b = CompletableFuture.runAsync(() -> inSlices(start, second, other), pool);
            start.countDown();
            CompletableFuture.allOf(a, b).get(5, TimeUnit.MINUTES);
        } finally {
            pool.shutdownNow();
        }
        // A redelivery of everything to the other instance changes nothing.
        second.index(one);

        for (ComplaintId id : ids) {
            ComplaintDocument doc = complaint(id).orElseThrow();
            assertThat(doc.eventCount).as("events folded into %s", id).isEqualTo(21);
            assertThat(doc.appliedEvents).doesNotHaveDuplicates().hasSize(21);
            assertThat(doc.status).isEqualTo("ASSIGNED");
            assertThat(doc.department).isEqualTo(Departments.MAINTENANCE);
        }
        assertThat(events(ids.get(0))).hasSize(21);
    }

    private static void inSlices(CountDownLatch start, IndexingEvents indexing, List<IndexingEvents.Incoming> all) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        for (int i = 0; i < all.size(); i += 25) {
            indexing.index(all.subList(i, Math.min(all.size(), i + 25)));
        }
    }
}
