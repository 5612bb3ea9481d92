package io.hearken.notifier.complaints;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearken.events.Actor;
import io.hearken.events.Channel;
import io.hearken.events.ComplaintAcknowledged;
import io.hearken.events.ComplaintEvent;
import io.hearken.events.ComplaintId;
import io.hearken.events.ComplaintResolved;
import io.hearken.events.ComplaintRouted;
import io.hearken.events.ComplaintSnapshot;
import io.hearken.events.Contact;
import io.hearken.events.Events;
import io.hearken.events.FeedbackGiven;
import io.hearken.events.ProgressNoted;
import io.hearken.events.TrackingIds;
import io.hearken.events.json.EventJson;
import io.hearken.events.privacy.InMemoryKeys;
import io.hearken.events.privacy.Sealing;
import io.hearken.events.store.TestLocalState;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;

/**
 * Not part of the suite (the name does not end in Test): measures the heap the notifier's directory holds per
 * complaint, as it held it before (a {@link ComplaintFacts}, a standing, an activity and the rated resolutions per
 * complaint, in maps) and now (nothing: its records on disk), and prints the figures (docs/BENCHMARKS.md). No size
 * or time is asserted.
 * {@code ./mvnw -B -ntp -q -pl notifier -am test -Dtest=DirectoryFootprint -Dsurefire.failIfNoSpecifiedTests=false}
 */
class DirectoryFootprint {

    static final int COMPLAINTS = Integer.getInteger("footprint.complaints", 20_000);
    static final Actor STAFF = new Actor("li.wei", "李伟", "maintenance", Actor.Role.STAFF);

    @Test
    void heapPerComplaint() throws Exception {
        InMemoryKeys keys = new InMemoryKeys();
        Sealing sealing = new Sealing(() -> keys, Optional::empty, EventJson.mapper());
        List<byte[]> records = new ArrayList<>();
        for (int i = 0; i < COMPLAINTS; i++) {
            ComplaintSnapshot s = snapshot(i);
            keys.sealer(s.complaintId().value(), List.of()); // the data keys are in memory anyway (privacy.keys)
            records.add(EventJson.mapper().writeValueAsBytes(s)); // as on Kafka; read into objects of their own
        }
        directory(sealing, records.subList(0, 2_000)); // warm-up
        long base = heap();
        Map<ComplaintId, Object> facts = new ConcurrentHashMap<>();
        Map<ComplaintId, Object> standing = new ConcurrentHashMap<>();
        Map<ComplaintId, Object> rated = new ConcurrentHashMap<>();
        Map<ComplaintId, Object> activity = new ConcurrentHashMap<>();
        long t0 = cpu();
        for (byte[] record : records) { // what the directory's four maps held
            ComplaintSnapshot s = EventJson.mapper().readValue(record, ComplaintSnapshot.class);
            ComplaintEvent last = s.events().get(s.events().size() - 1);
            facts.put(s.complaintId(), ComplaintFacts.of(s.latestRouting()));
            standing.put(s.complaintId(), new ComplaintDirectory.Standing(s.status(), last.at()));
            activity.put(s.complaintId(), new ComplaintDirectory.Activity(last.at(), last.eventId()));
            if (last instanceof FeedbackGiven) {
                rated.put(s.complaintId(), Set.of(s.events().get(s.events().size() - 2).eventId()));
            }
        }
        long beforeNanos = cpu() - t0;
        long beforeBytes = heap() - base;
        assertThat(facts).hasSize(COMPLAINTS);
        facts.clear();
        standing.clear();
        rated.clear();
        activity.clear();
        base = heap();
        long[] after = directory(sealing, records);
        System.out.printf("FOOTPRINT complaints=%d before=%d B/complaint (CPU %.1f µs each to apply its state record)"
                + " after=%d B/complaint (CPU %.1f µs each to apply its state record, find %.1f µs, walk %.2f µs"
                + " a complaint)%n", COMPLAINTS, beforeBytes / COMPLAINTS, beforeNanos / 1e3 / COMPLAINTS,
                (after[0] - base) / COMPLAINTS, after[1] / 1e3 / COMPLAINTS, after[2] / 1e3,
                after[3] / 1e3 / COMPLAINTS);
    }

    /**
     * Heap used with the directory built; CPU nanoseconds of this thread to build it, to find one (on average), to
     * walk all (CPU time: the machine may be shared).
     */
    static long[] directory(Sealing sealing, List<byte[]> records) throws Exception {
        try (ComplaintDirectory directory = new ComplaintDirectory(new DefaultKafkaConsumerFactory<>(Map.of()), sealing,
                TestLocalState.fresh())) {
            long t0 = cpu();
            for (byte[] record : records) {
                ComplaintSnapshot s = EventJson.mapper().readValue(record, ComplaintSnapshot.class);
                directory.accept(s.complaintId(), s);
            }
            long applied = cpu() - t0;
            long used = heap();
            List<ComplaintId> ids = new ArrayList<>();
            for (byte[] record : records.subList(0, Math.min(records.size(), 2_000))) {
                ids.add(EventJson.mapper().readValue(record, ComplaintSnapshot.class).complaintId());
            }
            t0 = cpu();
            for (ComplaintId id : ids) {
                assertThat(directory.find(id)).isPresent();
            }
            long finding = (cpu() - t0) / ids.size();
            int[] walked = {0};
            t0 = cpu();
            directory.forEach(c -> walked[0]++);
            long walking = cpu() - t0;
            assertThat(walked[0]).isEqualTo(records.size());
            return new long[] {used, applied, finding, walking};
        }
    }

    static long cpu() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    static ComplaintSnapshot snapshot(int i) {
        ComplaintId id = TrackingIds.next();
        ComplaintRouted routed = ComplaintDirectoryOnDiskTest.routed(id, Channel.WEB, "ref-" + i,
                new Contact("王小明" + i, "resident" + i + "@example.com", "138" + String.format("%08d", i)),
                "卫生间漏水 " + i, "楼上卫生间漏水已经三天了，天花板一直滴水，墙面发霉。", "maintenance");
        Instant t = routed.at();
        List<ComplaintEvent> events = new ArrayList<>(List.of(routed,
                new ComplaintAcknowledged(Events.newId(), id, t.plusSeconds(60), STAFF),
                new ProgressNoted(Events.newId(), id, t.plusSeconds(120), STAFF, "已联系住户，明天上午九点上门查看。", true)));
        if (i % 3 == 0) {
            events.add(new ComplaintResolved(Events.newId(), id, t.plusSeconds(240), STAFF, "已更换防水层。"));
            events.add(new FeedbackGiven(Events.newId(), id, t.plusSeconds(300), Channel.WEB, 4, "谢谢"));
        }
        ComplaintSnapshot s = ComplaintSnapshot.empty(id);
        for (ComplaintEvent event : events) {
            s = s.with(event);
        }
        return s;
    }

    static long heap() throws InterruptedException {
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
