package io.hearken.intake.web.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearken.events.Channel;
import io.hearken.events.ComplaintEvent;
import io.hearken.events.ComplaintReceived;
import io.hearken.intake.web.IntakeTopicReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/**
 * Many submissions at once share the producer's batches, yet each keeps its promises: one key sent by many
 * threads at once makes one complaint and one event; distinct submissions each get their own id and event.
 */
@SpringBootTest(properties = {"hearken.embedded.mode=test", "hearken.web.rate-limit.capacity=1000",
        "hearken.web.attachments-dir=target/flow-attachments", "hearken.privacy.secret=flow-test-secret"})
@AutoConfigureMockMvc
class SubmittingConcurrentlyTest {

    @Autowired
    SubmittingComplaint submitting;
    @Autowired
    IdempotencyKeys keys;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;

    @Test
    void oneKeySentByManyThreadsAtOnceMakesOneComplaint() throws Exception {
        ComplaintDraft draft = new ComplaintDraft("孙七", "sun@example.com", null, "owner", "5号楼", "501", "漏水",
                "天花板漏水", "facility", "zh-CN", null);
        var source = new SubmittingComplaint.Source(Channel.WEB, "api", "concurrent-key-1", null, Map.of());
        List<SubmittingComplaint.Submitted> results = runTogether(16, i -> submitting.submit(draft, List.of(), source));

        assertThat(results).extracting(SubmittingComplaint.Submitted::id).containsOnly(results.get(0).id());
        assertThat(results).filteredOn(SubmittingComplaint.Submitted::created).hasSize(1);
        String id = results.get(0).id().value();
        assertThat(IntakeTopicReader.eventsFor(bootstrap, id)).hasSize(1);
        assertThat(keys.find("api:concurrent-key-1")).get()
                .extracting(IdempotencyKeys.Entry::complaintId).isEqualTo(id);
    }

    @Test
    void distinctSubmissionsAtOnceEachGetTheirOwnIdAndEvent() throws Exception {
        List<SubmittingComplaint.Submitted> results = runTogether(24, i -> submitting.submit(
                new ComplaintDraft(null, "many" + i + "@example.com", null, null, "8号楼", null, null,
                        "电梯异响 #" + i, null, "zh-CN", null),
                List.of(), new SubmittingComplaint.Source(Channel.WEB, "api", i % 2 == 0 ? "many-" + i : null, null,
                        Map.of())));

        Set<String> ids = new HashSet<>();
        results.forEach(r -> ids.add(r.id().value()));
        assertThat(ids).hasSize(24);
        assertThat(results).allMatch(SubmittingComplaint.Submitted::created);
        for (SubmittingComplaint.Submitted r : results) {
            List<ComplaintEvent> events = IntakeTopicReader.eventsFor(bootstrap, r.id().value());
            assertThat(events).hasSize(1);
            assertThat(((ComplaintReceived) events.get(0)).contact().email()).startsWith("many");
        }
        for (int i = 0; i < 24; i += 2) {
            assertThat(keys.find("api:many-" + i)).isPresent();
        }
    }

    interface Call {
        SubmittingComplaint.Submitted run(int i) throws Exception;
    }

    static List<SubmittingComplaint.Submitted> runTogether(int n, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<SubmittingComplaint.Submitted>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.run(index);
                }));
            }
            start.countDown();
            List<SubmittingComplaint.Submitted> results = new ArrayList<>();
            for (Future<SubmittingComplaint.Submitted> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
