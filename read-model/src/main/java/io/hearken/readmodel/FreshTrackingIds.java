package io.hearken.readmodel;

import io.hearken.events.ComplaintId;
import io.hearken.events.TrackingIds;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Tracking ids already checked against the read model, so a channel takes one for a new complaint without an
 * Elasticsearch round trip of its own: a background task draws {@value #BATCH} random ids at a time and drops, with
 * one {@code mget} on the {@code complaints} alias ({@link TrackingIdsInUse}), those a complaint already has. When
 * the pool is empty (a burst, or the read model is down) an unchecked id is used; 40 random bits still make a
 * collision very unlikely (docs/events.md). A checked id can still meet another instance's fresh, not yet indexed
 * id; that window is the same as with a check per complaint. One pool per process, shared by its channels.
 */
public class FreshTrackingIds implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(FreshTrackingIds.class);

    static final int BATCH = 512;

    private final TrackingIdsInUse inUse;
    private final Supplier<ComplaintId> random;
    private final ConcurrentLinkedQueue<ComplaintId> pool = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicBoolean refilling = new AtomicBoolean();
    private final AtomicLong unchecked = new AtomicLong();
    private final ExecutorService refiller = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "hearken-fresh-ids");
        t.setDaemon(true);
        return t;
    });
    private volatile long quietUntil = System.nanoTime();

    @Autowired
    FreshTrackingIds(TrackingIdsInUse inUse) {
        this(inUse, TrackingIds::next);
    }

    FreshTrackingIds(TrackingIdsInUse inUse, Supplier<ComplaintId> random) {
        this.inUse = inUse;
        this.random = random;
    }

    /** A fresh id: from the checked pool when it has one, else a random one (and the pool is refilled). */
    public ComplaintId next() {
        ComplaintId id = pool.poll();
        if (id != null) {
            size.decrementAndGet();
        }
        if (id == null || size.get() < BATCH / 2) {
            refillSoon();
        }
        if (id != null) {
            return id;
        }
        unchecked.incrementAndGet();
        return random.get();
    }

    /** Starts filling the pool now (e.g. when a burst of new complaints is about to come). */
    public void prepare() {
        if (size.get() < BATCH / 2) {
            refillSoon();
        }
    }

    /** How many checked ids are waiting; for tests. */
    int available() {
        return size.get();
    }

    /** How many ids were handed out without a check (the pool was empty); for tests and logs. */
    public long unchecked() {
        return unchecked.get();
    }

    private void refillSoon() {
        if (System.nanoTime() - quietUntil < 0) {
            return; // the read model failed a moment ago: do not ask it on every complaint
        }
        if (refilling.compareAndSet(false, true)) {
            try {
                refiller.execute(() -> {
                    try {
                        refill();
                    } finally {
                        refilling.set(false);
                    }
                });
            } catch (RejectedExecutionException e) {
                refilling.set(false); // shutting down
            }
        }
    }

    /** Draws a batch and keeps the ids no complaint has; on any read-model failure keeps none. */
    void refill() {
        Set<String> candidates = new LinkedHashSet<>();
        for (int draws = 0; draws < 2 * BATCH && candidates.size() < BATCH; draws++) {
            candidates.add(random.get().value());
        }
        try {
            List<ComplaintId> free = inUse.free(candidates).stream().map(ComplaintId::of).toList();
            pool.addAll(free);
            size.addAndGet(free.size());
            if (free.size() < candidates.size()) {
                log.info("{} of {} drawn tracking ids are taken or unknown; not used", candidates.size() - free.size(),
                        candidates.size());
            }
        } catch (Exception e) {
            quietUntil = System.nanoTime() + 5_000_000_000L;
            log.debug("Read model unreachable; tracking ids unchecked until it is back: {}", e.toString());
        }
    }

    @Override
    public void destroy() {
        refiller.shutdownNow();
    }
}
