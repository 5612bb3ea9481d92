package io.hearken.desk.board;

import java.time.Instant;

/**
 * {@link ComplaintBoard#QUEUE_ORDER} on the rows' columns, so a queue is ordered in memory before any summary is
 * read: priority, then the deadline (none = last), then the time received (none = last), then the slot, which is
 * the order the old list had among equals (it was sorted stably from the rows in slot order). Instants are kept as
 * nanoseconds since 1970 in a long: exact from 1677 to 2262, clamped outside (which only ties such far dates).
 */
final class QueueOrder {

    /** The key of a missing deadline or time received: after every real one. */
    static final long NONE = Long.MAX_VALUE;

    private final int[] priorities;
    private final long[] deadlines;
    private final long[] received;

    QueueOrder(int[] priorities, long[] deadlines, long[] received) {
        this.priorities = priorities;
        this.deadlines = deadlines;
        this.received = received;
    }

    static long key(Instant at) {
        if (at == null) {
            return NONE;
        }
        try {
            return Math.min(Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000_000L), at.getNano()),
                    NONE - 1);
        } catch (ArithmeticException beyond) {
            return at.getEpochSecond() < 0 ? Long.MIN_VALUE : NONE - 1;
        }
    }

    /** Sorts the first {@code n} slots in place (a merge sort on ints: no boxing, stable, n log n). */
    void sort(int[] slots, int n) {
        int[] buffer = new int[n];
        for (int width = 1; width < n; width *= 2) {
            for (int from = 0; from < n; from += 2 * width) {
                int middle = Math.min(from + width, n);
                int to = Math.min(from + 2 * width, n);
                int a = from;
                int b = middle;
                int out = from;
                while (a < middle && b < to) {
                    buffer[out++] = compare(slots[b], slots[a]) < 0 ? slots[b++] : slots[a++];
                }
                while (a < middle) {
                    buffer[out++] = slots[a++];
                }
                while (b < to) {
                    buffer[out++] = slots[b++];
                }
            }
            System.arraycopy(buffer, 0, slots, 0, n);
        }
    }

    private int compare(int x, int y) {
        int c = Integer.compare(priorities[x], priorities[y]);
        if (c == 0) {
            c = Long.compare(deadlines[x], deadlines[y]);
        }
        if (c == 0) {
            c = Long.compare(received[x], received[y]);
        }
        return c != 0 ? c : Integer.compare(x, y);
    }
}
