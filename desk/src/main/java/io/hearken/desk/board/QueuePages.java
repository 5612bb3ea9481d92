package io.hearken.desk.board;

import io.hearken.staff.StaffPerson;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Reads a queue's page back from the store: the complaints were picked and ordered from the rows
 * ({@link BoardRows#select}), so only the page's summaries are read, each checked whole (anything an event changed in
 * between is left out). A free-text search {@code q} can only be answered by the summaries: it reads them in the
 * queue's order until it has skipped the earlier pages' matches, filled the page and found one more (or reached the
 * end), so a page costs about (page × size + 1) matches' worth of reads, the whole queue when little matches.
 */
final class QueuePages {

    private final StoredSummaries summaries;

    QueuePages(StoredSummaries summaries) {
        this.summaries = summaries;
    }

    /** Page {@code page} (from 1) of {@code size} of the ordered complaints {@code codes}. */
    QueuePage page(long[] codes, StaffPerson person, QueueFilter filter, int page, int size) {
        Predicate<ComplaintSummary> lets = lets(person, filter);
        long skip = (long) (page - 1) * size;
        List<ComplaintSummary> items = new ArrayList<>(Math.min(size, codes.length));
        if (filter.q() == null) { // every picked complaint is listed: the page starts at its place
            int i = (int) Math.min(skip, codes.length);
            for (; i < codes.length && items.size() < size; i++) {
                add(codes[i], lets, items);
            }
            return new QueuePage(items, page, size, codes.length, i < codes.length);
        }
        long matched = 0;
        for (int i = 0; i < codes.length; i++) {
            ComplaintSummary summary = read(codes[i], lets);
            if (summary == null) {
                continue;
            }
            if (matched++ >= skip) {
                if (items.size() == size) { // one more: there is a next page
                    return new QueuePage(items, page, size, null, true);
                }
                items.add(summary);
            }
        }
        return new QueuePage(items, page, size, (int) matched, false);
    }

    /** Every complaint of the queue, in its order. */
    List<ComplaintSummary> all(long[] codes, StaffPerson person, QueueFilter filter) {
        Predicate<ComplaintSummary> lets = lets(person, filter);
        List<ComplaintSummary> listed = new ArrayList<>(codes.length);
        for (long code : codes) {
            add(code, lets, listed);
        }
        return listed;
    }

    private void add(long code, Predicate<ComplaintSummary> lets, List<ComplaintSummary> to) {
        ComplaintSummary summary = read(code, lets);
        if (summary != null) {
            to.add(summary);
        }
    }

    private ComplaintSummary read(long code, Predicate<ComplaintSummary> lets) {
        ComplaintSummary summary = summaries.read(Ids.id(code));
        return summary != null && lets.test(summary) ? summary : null;
    }

    private static Predicate<ComplaintSummary> lets(StaffPerson person, QueueFilter filter) {
        Predicate<ComplaintSummary> lets = filter.asPredicate();
        return s -> s.routed() && person.sees(s.department()) && lets.test(s);
    }
}
