package io.hearken.desk.board;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearken.desk.DeskTestSupport;
import io.hearken.events.Actor;
import io.hearken.events.ComplaintAcknowledged;
import io.hearken.events.ComplaintEvent;
import io.hearken.events.ComplaintRouted;
import io.hearken.events.ComplaintSnapshot;
import io.hearken.events.ComplaintStatus;
import io.hearken.staff.StaffPerson;
import io.hearken.staff.StaffRole;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Not part of the suite (the name does not end in Test): what the first page of a big queue costs, read as before
 * (every summary of the queue read back, then the first page taken) and now (ordered from the rows, only the page's
 * summaries read back); prints the figures (docs/desk.md, the board). No time is asserted.
 * {@code ./mvnw -B -ntp -q -o -pl desk -am test -Dtest=QueuePagesTiming -Dsurefire.failIfNoSpecifiedTests=false}
 * ({@code -Dpages.complaints=100000}, the default).
 */
class QueuePagesTiming {

    static final int COMPLAINTS = Integer.getInteger("pages.complaints", 100_000);
    static final int SIZE = 50;
    static final List<String> DEPARTMENTS = List.of("maintenance", "cleaning", "security");

    public static void main(String[] args) {
        new QueuePagesTiming().firstPageOfABigQueue();
    }

    @Test
    void firstPageOfABigQueue() {
        try (ComplaintBoard board = DeskTestSupport.localBoard()) {
            long t0 = System.nanoTime();
            for (int i = 0; i < COMPLAINTS; i++) {
                board.apply(snapshot(i));
            }
            System.out.printf("PAGES %d complaints on the board in %.1f s%n", COMPLAINTS, (System.nanoTime() - t0) / 1e9);
            StaffPerson manager = new StaffPerson("liu.yang", "刘洋", "management", StaffRole.MANAGER, Locale.CHINA);
            StaffPerson staff = new StaffPerson("li.wei", "李伟", "maintenance", StaffRole.STAFF, Locale.CHINA);
            EnumSet<ComplaintStatus> every = EnumSet.allOf(ComplaintStatus.class);
            measure(board, "a department's open queue", staff, QueueFilter.open(), 1);
            measure(board, "a manager's queue of every complaint", manager, new QueueFilter(every, null, null, null, null), 1);
            measure(board, "the same, page 100", manager, new QueueFilter(every, null, null, null, null), 100);
            measure(board, "a department's queue searched, most match", staff,
                    new QueueFilter(Set.of(), null, null, "漏水", null), 1);
            measure(board, "a department's queue searched for one", staff,
                    new QueueFilter(Set.of(), null, null, "第 " + lastOfMaintenance() + " 件", null), 1);
        }
    }

    static void measure(ComplaintBoard board, String what, StaffPerson person, QueueFilter filter, int page) {
        long reads = board.summaryReads();
        double before = best(() -> { // as before pages: every summary read back, the page cut out of the whole
            List<ComplaintSummary> all = board.queue(person, filter);
            int from = Math.min((page - 1) * SIZE, all.size());
            return all.subList(from, Math.min(from + SIZE, all.size()));
        });
        long readsBefore = (board.summaryReads() - reads) / 3;
        reads = board.summaryReads();
        QueuePage[] listed = new QueuePage[1];
        double after = best(() -> {
            listed[0] = board.queue(person, filter, page, SIZE);
            return listed[0].items();
        });
        long readsAfter = (board.summaryReads() - reads) / 3;
        assertThat(listed[0].items()).isEqualTo(best(board, person, filter, page));
        System.out.printf("PAGES %s (%s complaints), page %d (%d a page): read all %.1f ms (%d summaries read),"
                        + " the page %.2f ms (%d read)%n", what, listed[0].total() == null ? "?" : listed[0].total(),
                page, SIZE, before, readsBefore, after, readsAfter);
    }

    /** The page as the old way lists it (for the check that both give the same). */
    static List<ComplaintSummary> best(ComplaintBoard board, StaffPerson person, QueueFilter filter, int page) {
        List<ComplaintSummary> all = board.queue(person, filter);
        int from = Math.min((page - 1) * SIZE, all.size());
        return all.subList(from, Math.min(from + SIZE, all.size()));
    }

    /** The fastest of three runs, in ms. */
    static double best(Supplier<List<ComplaintSummary>> run) {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long t0 = System.nanoTime();
            run.get();
            best = Math.min(best, System.nanoTime() - t0);
        }
        return best / 1e6;
    }

    /** The last complaint of the department li.wei works in (every third). */
    static int lastOfMaintenance() {
        return (COMPLAINTS - 1) - (COMPLAINTS - 1) % 3;
    }

    static ComplaintSnapshot snapshot(int i) {
        ComplaintRouted routed = DeskTestSupport.routed(DEPARTMENTS.get(i % 3), 1 + i % 4,
                "第 " + i + " 件" + (i % 5 == 0 ? "" : " 漏水"), (i % 500) + "号楼");
        List<ComplaintEvent> events = new ArrayList<>(List.of(routed));
        if (i % 2 == 0) {
            events.add(new ComplaintAcknowledged("a" + i, routed.complaintId(), routed.at().plusSeconds(60),
                    new Actor("li.wei", "李伟", DEPARTMENTS.get(i % 3), Actor.Role.STAFF)));
        }
        return new ComplaintSnapshot(routed.complaintId(), routed.at(), null, events);
    }
}
