package io.hearken.analytics.privacy;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * One thread for the privacy work that runs later or by the clock: the compaction nudge after an erasure and the
 * retention policy. Its own executor, not a bean of type {@code ScheduledExecutorService}, which would stand in for
 * Boot's task scheduler in the all-in-one.
 */
@Component("analyticsPrivacyJobs")
class PrivacyJobs implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(PrivacyJobs.class);

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "analytics-privacy");
        thread.setDaemon(true);
        return thread;
    });

    void after(Duration delay, String what, Runnable job) {
        executor.schedule(guarded(what, job), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Now, then every {@code interval} after the previous run ended; a failed run is logged, the next one comes. */
    void every(Duration interval, String what, Runnable job) {
        executor.scheduleWithFixedDelay(guarded(what, job), 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }

    private static Runnable guarded(String what, Runnable job) {
        return () -> {
            try {
                job.run();
            } catch (RuntimeException e) {
                log.warn("{} failed, will run again at its next time: {}", what, e.toString());
            }
        };
    }
}
