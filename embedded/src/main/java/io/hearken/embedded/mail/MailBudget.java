package io.hearken.embedded.mail;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The most mail all bounded folders together keep (every folder but the complaints inbox): a per-folder
 * limit alone does not bound memory when thousands of residents each get a few mails. The oldest mail
 * goes first, whichever folder holds it. Mail a folder dropped by itself still counts until its turn
 * comes, so the folders hold at most this many, sometimes a few less.
 */
final class MailBudget {

    private record Kept(DurableFolder folder, long uid) {
    }

    private final int max;
    private final Queue<Kept> oldestFirst = new ConcurrentLinkedQueue<>();
    private final AtomicInteger count = new AtomicInteger();

    /** {@code max} 0: no limit. */
    MailBudget(int max) {
        this.max = max;
    }

    void kept(DurableFolder folder, long uid) {
        if (max <= 0) {
            return;
        }
        oldestFirst.add(new Kept(folder, uid));
        count.incrementAndGet();
        while (count.get() > max) {
            Kept oldest = oldestFirst.poll();
            if (oldest == null) {
                break;
            }
            count.decrementAndGet();
            oldest.folder().drop(oldest.uid());
        }
    }
}
