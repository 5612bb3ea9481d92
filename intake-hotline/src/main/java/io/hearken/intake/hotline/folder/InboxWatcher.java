package io.hearken.intake.hotline.folder;

import io.hearken.intake.hotline.HotlineProperties;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Watches the inbox: a {@link WatchService} wakes the scanner as soon as something changes, and a periodic
 * scan catches what the WatchService misses (network shares, overflow). A file is read only once its size
 * and modification time have stayed the same for {@code hearken.hotline.stable-for}, so a file still being
 * copied in is not read early; names ending in {@code .part}, {@code .tmp} or starting with a dot are never
 * read (write under such a name and rename for an instant hand-over). One file at a time, on one thread. Here the
 * threads and their lifecycle; what one look at the inbox does is {@link InboxScan}.
 */
@Component
class InboxWatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(InboxWatcher.class);

    private final HotlineProperties properties;
    private final InboxScan inboxScan;
    private volatile ScheduledExecutorService scanner;
    private volatile WatchService watchService;
    private volatile Thread watchThread;
    private volatile boolean running;
    private final AtomicBoolean scanPending = new AtomicBoolean();
    private final AtomicBoolean laterScanPending = new AtomicBoolean();

    InboxWatcher(HotlineProperties properties, ProcessingTranscriptFile processing) {
        this.properties = properties;
        this.inboxScan = new InboxScan(properties, processing);
    }

    @Override
    public void start() {
        if (!properties.watch()) {
            log.info("Hotline: folder watching is off (hearken.hotline.watch=false)");
            return;
        }
        Path inbox = properties.inbox().toAbsolutePath().normalize();
        try {
            Files.createDirectories(inbox);
            Files.createDirectories(properties.processed());
            Files.createDirectories(properties.rejected());
        } catch (IOException e) {
            throw new IllegalStateException("Hotline inbox " + inbox + " cannot be created: " + e.getMessage(), e);
        }
        running = true;
        scanner = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "hotline-inbox"));
        scanner.scheduleWithFixedDelay(this::scanSafely, 0, properties.scanInterval().toMillis(), TimeUnit.MILLISECONDS);
        try {
            watchService = inbox.getFileSystem().newWatchService();
            inbox.register(watchService, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
            Thread w = new Thread(this::watch, "hotline-watch");
            w.setDaemon(true);
            watchThread = w;
            w.start();
        } catch (IOException | UnsupportedOperationException e) {
            log.warn("Hotline: no WatchService for {} ({}); scanning every {}", inbox, e.toString(),
                    properties.scanInterval());
        }
        log.info("Hotline: watching {} (processed: {}, rejected: {}; a file is read once unchanged for {})", inbox,
                properties.processed(), properties.rejected(), properties.stableFor());
    }

    private void watch() {
        try {
            while (running) {
                WatchKey key = watchService.take();
                key.pollEvents();
                key.reset();
                ScheduledExecutorService s = scanner;
                // A large copy fires thousands of events: at most one scan now and one later are pending.
                if (s != null && !s.isShutdown() && scanPending.compareAndSet(false, true)) {
                    s.execute(() -> {
                        scanPending.set(false);
                        scanSafely();
                    });
                }
                if (s != null && !s.isShutdown() && laterScanPending.compareAndSet(false, true)) {
                    // The file must then stay unchanged for stable-for: look again when that may have passed.
                    s.schedule(() -> {
                        laterScanPending.set(false);
                        scanSafely();
                    }, properties.stableFor().toMillis() + 50, TimeUnit.MILLISECONDS);
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException stopped) {
            // stopping
        } catch (RuntimeException e) {
            log.warn("Hotline: WatchService failed ({}); the periodic scan goes on", e.toString());
        }
    }

    private void scanSafely() {
        inboxScan.scanSafely(() -> running);
    }

    /** Files staying in the inbox for now, with what they wait for (Kafka, the read model, another try). */
    Map<String, String> waiting() {
        return inboxScan.waiting();
    }

    /** The latest file reports, newest first. */
    List<FileReport> recentReports() {
        return inboxScan.recentReports();
    }

    @Override
    public void stop() {
        running = false;
        Thread w = watchThread;
        watchThread = null;
        try {
            if (watchService != null) {
                watchService.close();
            }
        } catch (IOException ignored) {
            // closing anyway
        }
        if (w != null) {
            w.interrupt();
        }
        ScheduledExecutorService s = scanner;
        if (s != null) {
            s.shutdown();
            try {
                // A file in the middle of its chunks may finish; if not, the interrupt leaves it in the inbox and
                // the calls not yet recorded resume at the next start (the recorded ones are skipped).
                if (!s.awaitTermination(properties.ackTimeout().toSeconds() + 5, TimeUnit.SECONDS)) {
                    s.shutdownNow();
                }
            } catch (InterruptedException e) {
                s.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 100; // stop before the Kafka producer goes
    }
}
