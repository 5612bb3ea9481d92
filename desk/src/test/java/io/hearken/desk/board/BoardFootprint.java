package io.hearken.desk.board;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearken.desk.DeskProperties;
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
import io.hearken.events.store.TestLocalState;
import io.hearken.staff.StaffPerson;
import io.hearken.staff.StaffRole;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * Not part of the suite (the name does not end in Test): measures the heap the board holds per complaint, as the
 * board held it before (a {@link ComplaintSummary} per complaint in memory) and now (a row of numbers in memory, the
 * summary sealed on disk beside the events), the bytes it stores per complaint, and what a queue and a search cost
 * now that they read the summaries back; prints the figures (docs/desk.md). No size or time is asserted.
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
        board(sealing, records.subList(0, 2_000), 1_000); // warm-up
        long base = heap();
        Map<ComplaintId, ComplaintSummary> before = new ConcurrentHashMap<>();
        for (byte[] record : records) { // what the board held in memory before: a summary per complaint
            ComplaintSnapshot s = EventJson.mapper().readValue(record, ComplaintSnapshot.class);
            before.put(s.complaintId(), DeskComplaint.fold(s.complaintId(), s.events()).summary());
        }
        long beforeBytes = heap() - base;
        assertThat(before).hasSize(COMPLAINTS);
        before.clear();
        for (int recent : new int[] {1_000, 0}) {
            base = heap();
            long[] after = board(sealing, records, recent);
            System.out.printf("FOOTPRINT complaints=%d recent=%d: summaries in memory before=%d B/complaint;"
                    + " the board now=%d B/complaint (%.1f µs each to read and apply), find %.1f µs;"
                    + " stored %d B/complaint (its summary %d B); a manager's whole queue (every complaint) %.1f ms,"
                    + " searched (every one matches) %.1f ms, searched for one %.1f ms; a staff queue of %d (one building)"
                    + " %.1f ms%n", COMPLAINTS, recent, beforeBytes / COMPLAINTS, (after[0] - base) / COMPLAINTS,
                    after[1] / 1e3 / COMPLAINTS, after[2] / 1e3, after[7] / COMPLAINTS, after[8] / COMPLAINTS,
                    after[3] / 1e6, after[4] / 1e6, after[5] / 1e6, after[9], after[6] / 1e6);
        }
    }

    /**
     * The heap used with the board built, the nanoseconds to build it, to find a complaint, to list and to search a
     * manager's queue of every complaint, to search it for one, to list a staff queue of one building (on average),
     * the bytes stored and the summaries' of them, and that queue's length.
     */
    static long[] board(Sealing sealing, List<byte[]> records, int recent) throws Exception {
        try (ComplaintBoard board = new ComplaintBoard(TestLocalState.fresh(), sealing,
                new DeskProperties(null, null, recent))) {
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
            StaffPerson staff = new StaffPerson("li.wei", "李伟", "maintenance", StaffRole.STAFF, Locale.CHINA);
            EnumSet<ComplaintStatus> every = EnumSet.allOf(ComplaintStatus.class);
            QueueFilter all = new QueueFilter(every, null, null, null, null);
            QueueFilter search = new QueueFilter(every, null, null, "Zhang.Wei@", null);
            QueueFilter one = new QueueFilter(every, null, null, "谢谢。" + (records.size() - 1), null);
            QueueFilter building = new QueueFilter(every, "7号楼", null, null, null);
            long[] nanos = new long[4];
            int listed = 0;
            for (int i = 0; i < 2; i++) { // every summary read back, sorted; searched; one building's
                t0 = System.nanoTime();
                assertThat(board.queue(manager, all)).hasSize(records.size());
                nanos[0] += System.nanoTime() - t0;
                t0 = System.nanoTime();
                assertThat(board.queue(manager, search)).hasSize(records.size());
                nanos[1] += System.nanoTime() - t0;
                t0 = System.nanoTime();
                assertThat(board.queue(manager, one)).hasSize(1);
                nanos[2] += System.nanoTime() - t0;
                t0 = System.nanoTime();
                listed = board.queue(staff, building).size();
                nanos[3] += System.nanoTime() - t0;
            }
            long[] stored = board.storedBytes();
            return new long[] {used, applied, find, nanos[0] / 2, nanos[1] / 2, nanos[2] / 2, nanos[3] / 2, stored[1],
                    stored[0], listed};
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
