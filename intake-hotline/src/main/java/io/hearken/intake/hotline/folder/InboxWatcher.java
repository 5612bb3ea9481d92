package io.hearken.intake.hotline.folder;

import io.hearken.intake.hotline.HotlineProperties;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Watches the inbox: a {@link WatchService} wakes the scanner as soon as something changes, and a periodic
 * scan catches what the WatchService misses (network shares, overflow). A file is read only once its size
 * and modification time have stayed the same for {@code hearken.hotline.stable-for}, so a file still being
 * copied in is not read early; names ending in {@code .part}, {@code .tmp} or starting with a dot are never
 * read (write under such a name and rename for an instant hand-over). One file at a time, on one thread.
 */
@Component
class InboxWatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(InboxWatcher.class);
    private static final int MAX_FAILURES = 5;
    private static final List<String> IN_PROGRESS_SUFFIXES = List.of(".part", ".tmp", ".partial", ".filepart",
            ".crdownload", ".error.txt");

    private final HotlineProperties properties;
    private final ProcessingTranscriptFile processing;
    private final Map<Path, Observation> observed = new HashMap<>();
    private final WaitingFiles waiting = new WaitingFiles();
    private final Deque<FileReport> recent = new ArrayDeque<>();
    private volatile ScheduledExecutorService scanner;
    private volatile WatchService watchService;
    private volatile Thread watchThread;
    private volatile boolean running;
    private final AtomicBoolean scanPending = new AtomicBoolean();
    private final AtomicBoolean laterScanPending = new AtomicBoolean();

    InboxWatcher(HotlineProperties properties, ProcessingTranscriptFile processing) {
        this.properties = properties;
        this.processing = processing;
    }

    private record Observation(long size, long modified, Instant since) {
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
        try {
            scan();
        } catch (Throwable e) {
            log.error("Hotline: inbox scan failed, trying again at the next scan", e);
        }
    }

    private void scan() throws IOException {
        Path inbox = properties.inbox().toAbsolutePath().normalize();
        Instant now = Instant.now();
        List<Path> files;
        try (Stream<Path> list = Files.list(inbox)) {
            // Not through a link: a symbolic link would make the service read (and publish) a file from elsewhere.
            files = list.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)).filter(InboxWatcher::isCandidate)
                    .sorted().toList();
        }
        Set<Path> present = new HashSet<>(files);
        observed.keySet().retainAll(present);
        waiting.retain(present);
        for (Path file : files) {
            if (!running) {
                return;
            }
            BasicFileAttributes attributes;
            try {
                attributes = Files.readAttributes(file, BasicFileAttributes.class);
            } catch (IOException gone) {
                continue;
            }
            Observation before = observed.get(file);
            long modified = attributes.lastModifiedTime().toMillis();
            if (before == null || before.size() != attributes.size() || before.modified() != modified) {
                observed.put(file, new Observation(attributes.size(), modified, now));
                continue;
            }
            if (Duration.between(before.since(), now).compareTo(properties.stableFor()) < 0
                    || !waiting.due(file, now)) {
                continue;
            }
            processSafely(file);
        }
    }

    private void processSafely(Path file) {
        try {
            FileReport report = processing.process(file);
            remember(report);
            waiting.ran(file);
            if (report.result() == FileReport.Result.RETRY_LATER) {
                // Kafka or the read model is away: that passes, so the file waits as long as it takes.
                waiting.later(file, report.waitingFor(), retryDelay());
            } else {
                waiting.gone(file);
                observed.remove(file);
            }
        } catch (IOException | RuntimeException | StackOverflowError | OutOfMemoryError e) {
            failed(file, e);
        }
    }

    /** Unforeseen: tried again a few times (a full disk passes), then quarantined, so no file loops for ever. */
    private void failed(Path file, Throwable e) {
        int times = waiting.failed(file);
        log.error("Hotline file {} failed ({} of {}){}", file.getFileName(), times, MAX_FAILURES,
                times < MAX_FAILURES ? ", trying again in " + retryDelay() : ": quarantined", e);
        Throwable last = e;
        if (times >= MAX_FAILURES) {
            try {
                remember(processing.quarantine(file, "处理失败 " + times + " 次 / processing failed " + times + " times: " + e));
                waiting.gone(file);
                observed.remove(file);
                return;
            } catch (IOException | RuntimeException moveFailed) {
                last = moveFailed;
            }
        }
        waiting.later(file, "failed: " + last, retryDelay());
    }

    private Duration retryDelay() {
        Duration tenScans = properties.scanInterval().multipliedBy(10);
        return tenScans.compareTo(Duration.ofSeconds(30)) > 0 ? Duration.ofSeconds(30) : tenScans;
    }

    private synchronized void remember(FileReport report) {
        recent.addFirst(report);
        while (recent.size() > 100) {
            recent.removeLast();
        }
    }

    /** Files staying in the inbox for now, with what they wait for (Kafka, the read model, another try). */
    Map<String, String> waiting() {
        return waiting.reasons();
    }

    /** The latest file reports, newest first. */
    synchronized List<FileReport> recentReports() {
        return List.copyOf(recent);
    }

    static boolean isCandidate(Path file) {
        String name = file.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        return !name.startsWith(".") && !name.startsWith("~") && IN_PROGRESS_SUFFIXES.stream().noneMatch(lower::endsWith);
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
