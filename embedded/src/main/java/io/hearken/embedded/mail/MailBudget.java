package io.hearken.embedded.mail;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The most mail all bounded folders together keep (every folder but the complaints inbox): a per-folder
 * limit alone does not bound memory when thousands of residents each get a few mails. The oldest mail
 * goes first, whichever folder holds it. As a folder ({@link DurableFolder#slack}), they may hold a tenth over it
 * (at least 1): once they reach {@code max} + a tenth, the oldest leave down to {@code max}, in one pass over each
 * folder that holds some of them, not a pass for each mail. Mail a folder dropped by itself still counts until its
 * turn comes, so the folders hold at most {@code max} + a tenth − 1 between deliveries, sometimes less.
 */
final class MailBudget {

    private record Kept(DurableFolder folder, long uid) {
    }

    private final int max;
    private final int slack;
    private final Queue<Kept> oldestFirst = new ConcurrentLinkedQueue<>();
    private final AtomicInteger count = new AtomicInteger();
    private final AtomicInteger passes = new AtomicInteger();

    /** {@code max} 0: no limit. */
    MailBudget(int max) {
        this.max = max;
        this.slack = DurableFolder.slack(max);
    }

    void kept(DurableFolder folder, long uid) {
        if (max <= 0) {
            return;
        }
        oldestFirst.add(new Kept(folder, uid));
        if (count.incrementAndGet() < max + slack) {
            return;
        }
        Map<DurableFolder, List<Long>> due = new LinkedHashMap<>(); // oldest first in each folder
        for (int c = count.get(); c > max; c = count.get()) {
            if (!count.compareAndSet(c, c - 1)) {
                continue; // another delivery takes some meanwhile
            }
            Kept oldest = oldestFirst.poll();
            if (oldest == null) {
                count.incrementAndGet();
                break;
            }
            due.computeIfAbsent(oldest.folder(), f -> new ArrayList<>()).add(oldest.uid());
        }
        if (!due.isEmpty()) {
            passes.incrementAndGet();
            due.forEach(DurableFolder::dropOldest);
        }
    }

    /** The times the oldest mail left for this limit (each a pass over each folder that held some), for the tests. */
    int passes() {
        return passes.get();
    }
}
