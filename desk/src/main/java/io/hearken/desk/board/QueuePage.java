package io.hearken.desk.board;

import java.util.List;

/**
 * One page of a queue, in the queue's order. {@code page} counts from 1. {@code total}: how many complaints the
 * filter lets through; null when a free-text search stopped reading once it had filled the page and found one more
 * (it is known when the search read to the end). {@code more}: whether a next page exists.
 */
public record QueuePage(List<ComplaintSummary> items, int page, int size, Integer total, boolean more) {

    public QueuePage {
        items = List.copyOf(items);
    }

    /** The number of pages; null when the total is not known. */
    public Integer pages() {
        return total == null ? null : Math.max(1, (total + size - 1) / size);
    }
}
