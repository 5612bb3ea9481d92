package io.hearken.desk.board;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearken.desk.DeskTestSupport;
import io.hearken.events.Actor;
import io.hearken.events.Channel;
import io.hearken.events.ComplaintAcknowledged;
import io.hearken.events.ComplaintEvent;
import io.hearken.events.ComplaintId;
import io.hearken.events.ComplaintReceived;
import io.hearken.events.ComplaintResolved;
import io.hearken.events.ComplaintRouted;
import io.hearken.events.ComplaintSnapshot;
import io.hearken.events.ComplaintStatus;
import io.hearken.events.FeedbackGiven;
import io.hearken.events.ProgressNoted;
import io.hearken.events.SlaClock;
import io.hearken.events.SlaWarning;
import io.hearken.events.json.EventJson;
import io.hearken.events.privacy.InMemoryKeys;
import io.hearken.events.privacy.Sealing;
import io.hearken.events.store.LocalStateProperties;
import io.hearken.staff.StaffPerson;
import io.hearken.staff.StaffRole;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * Not part of the suite (the name does not end in Test): measures the heap the board holds per complaint, as the
 * board held it before (every event and the fold in memory) and now (a summary; the events sealed on disk), and
 * prints the figures (docs/BENCHMARKS.md). No size or time is asserted.
 * {@code ./mvnw -B -ntp -q -pl desk -am test -Dtest=BoardFootprint -Dsurefire.failIfNoSpecifiedTests=false}
 */
class BoardFootprint {

    static final int COMPLAINTS = Integer.getInteger("footprint.complaints", 20_000);
    static final String WORDS = "楼上卫生间漏水已经三天了，天花板一直滴水，墙面发霉，物业来看过一次但没有处理，"
            + "家里有老人和小孩，晚上滴水声音很大影响休息，请尽快安排维修师傅上门查看并修好，谢谢。";

    @Test
    void heapPerComplaint() throws Exception {
        List<byte[]> records = new ArrayList<>();
        InMemoryKeys keys = new InMemoryKeys();
        Sealing sealing = new Sealing(() -> keys, Optional::empty, EventJson.mapper());
        for (int i = 0; i < COMPLAINTS; i++) {
            ComplaintSnapshot s = snapshot(i);
            keys.sealer(s.complaintId().value(), List.of()); // the data keys are in memory anyway (privacy.keys)
            records.add(EventJson.mapper().writeValueAsBytes(s)); // as on Kafka; read into objects of their own
        }
        board(sealing, records.subList(0, 2_000), new ArrayList<>()); // warm-up
        long base = heap();
        Map<ComplaintId, Object[]> before = new ConcurrentHashMap<>();
        long t0 = System.nanoTime();
        for (byte[] record : records) { // what the board's Entry held: every event by id, and the fold
            ComplaintSnapshot s = EventJson.mapper().readValue(record, ComplaintSnapshot.class);
            Map<String, ComplaintEvent> events = new LinkedHashMap<>();
            s.events().forEach(e -> events.put(e.eventId(), e));
            before.put(s.complaintId(), new Object[] {events, DeskComplaint.fold(s.complaintId(), s.events())});
        }
        long beforeNanos = System.nanoTime() - t0;
        long beforeBytes = heap() - base;
        assertThat(before).hasSize(COMPLAINTS);
        before.clear();
        base = heap();
        List<ComplaintSummary> summaries = new ArrayList<>();
        long[] after = board(sealing, records, summaries);
        long summariesOnly = heap() - base; // the board closed, its summaries kept
        System.out.printf("FOOTPRINT complaints=%d before=%d B/complaint (%.1f µs each to read and apply)"
                + " after=%d B/complaint (%.1f µs each to read and apply), find %.1f µs;"
                + " the summaries alone %d B/complaint; a manager's whole queue %.1f ms, searched %.1f ms%n", COMPLAINTS,
                beforeBytes / COMPLAINTS, beforeNanos / 1e3 / COMPLAINTS, (after[0] - base) / COMPLAINTS,
                after[1] / 1e3 / COMPLAINTS, after[2] / 1e3, summariesOnly / COMPLAINTS, after[3] / 1e6,
                after[4] / 1e6);
        java.lang.ref.Reference.reachabilityFence(summaries);
    }

    /**
     * The heap used with the board built, the nanoseconds to build it, to find a complaint, to list and to search a
     * manager's queue of every complaint (on average); its
     * summaries (every complaint, as a manager's queue of all statuses lists them) are added to {@code summaries}.
     */
    static long[] board(Sealing sealing, List<byte[]> records, List<ComplaintSummary> summaries) throws Exception {
        try (ComplaintBoard board = new ComplaintBoard(LocalStateProperties.defaults(), sealing)) {
            List<ComplaintId> ids = new ArrayList<>();
            long t0 = System.nanoTime();
            for (byte[] record : records) {
                ComplaintSnapshot s = EventJson.mapper().readValue(record, ComplaintSnapshot.class);
                board.apply(s);
                ids.add(s.complaintId());
            }
            long applied = System.nanoTime() - t0;
            long used = heap();
            assertThat(board.size()).isEqualTo(records.size());
            int found = Math.min(records.size(), 2_000);
            t0 = System.nanoTime();
            for (ComplaintId id : ids.subList(0, found)) { // the first: no longer among the recent ones
                assertThat(board.find(id)).isPresent();
            }
            long find = (System.nanoTime() - t0) / found;
            StaffPerson manager = new StaffPerson("liu.yang", "刘洋", "management", StaffRole.MANAGER, Locale.CHINA);
            QueueFilter all = new QueueFilter(EnumSet.allOf(ComplaintStatus.class), null, null, null, null);
            QueueFilter search = new QueueFilter(EnumSet.allOf(ComplaintStatus.class), null, null, "Zhang.Wei@", null);
            long listed = 0;
            long searched = 0;
            for (int i = 0; i < 10; i++) { // an in-memory pass over every summary, sorted; then a search in each
                t0 = System.nanoTime();
                assertThat(board.queue(manager, all)).hasSize(records.size());
                listed += System.nanoTime() - t0;
                t0 = System.nanoTime();
                assertThat(board.queue(manager, search)).hasSize(records.size());
                searched += System.nanoTime() - t0;
            }
            summaries.addAll(board.queue(manager, all));
            return new long[] {used, applied, find, listed / 10, searched / 10};
        }
    }

    static ComplaintSnapshot snapshot(int i) {
        ComplaintRouted r = DeskTestSupport.routed("maintenance", 1 + i % 3, "卫生间漏水 " + i, (i % 1000) + "号楼");
        ComplaintReceived c = r.complaint();
        ComplaintRouted routed = new ComplaintRouted(r.eventId(), r.complaintId(), r.at(),
                new ComplaintReceived(c.eventId(), r.complaintId(), c.at(), Channel.WEB, "form", "ref-" + i,
                        c.contact(), c.residentType(), c.place(), c.subject(), WORDS + i, null, "zh-CN", List.of(),
                        Map.of()),
                r.classification(), r.assignment(), r.links());
        ComplaintId id = routed.complaintId();
        Actor staff = new Actor("li.wei", "李伟", "maintenance", Actor.Role.STAFF);
        Instant t = routed.at();
        List<ComplaintEvent> events = List.of(routed,
                new ComplaintAcknowledged("a" + i, id, t.plusSeconds(60), staff),
                new ProgressNoted("p" + i, id, t.plusSeconds(120), staff, "已联系住户，明天上午九点上门查看漏水情况。", true,
                        List.of()),
                new SlaWarning("w" + i, id, t.plusSeconds(180), SlaClock.RESOLUTION, t.plusSeconds(3600), "maintenance"),
                new ComplaintResolved("r" + i, id, t.plusSeconds(240), staff, "已更换楼上卫生间的防水层和下水管道，不再滴水。",
                        List.of()),
                new FeedbackGiven("f" + i, id, t.plusSeconds(300), Channel.WEB, 4, "师傅很及时，谢谢"));
        return new ComplaintSnapshot(id, t.plusSeconds(300), null, events);
    }

    static long heap() throws InterruptedException {
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
