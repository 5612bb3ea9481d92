package io.hearken.intake.hotline.folder;

import io.hearken.intake.hotline.HotlineProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
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
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One look at the inbox, as often as {@link InboxWatcher} asks: which files are complete (size and modification
 * time unchanged for {@code hearken.hotline.stable-for}; names of files still being written skipped), processing
 * each in turn, and what stays: a file waiting for Kafka or the read model, or tried again after a failure until it
 * is quarantined. Always on the watcher's one scanning thread, so its state needs no locks but the reports'.
 */
final class InboxScan {

    private static final Logger log = LoggerFactory.getLogger(InboxWatcher.class);
    private static final int MAX_FAILURES = 5;
    private static final List<String> IN_PROGRESS_SUFFIXES = List.of(".part", ".tmp", ".partial", ".filepart",
            ".crdownload", ".error.txt");

    private final HotlineProperties properties;
    private final ProcessingTranscriptFile processing;
    private final Map<Path, Observation> observed = new HashMap<>();
    private final WaitingFiles waiting = new WaitingFiles();
    private final Deque<FileReport> recent = new ArrayDeque<>();

    private record Observation(long size, long modified, Instant since) {
    }

    InboxScan(HotlineProperties properties, ProcessingTranscriptFile processing) {
        this.properties = properties;
        this.processing = processing;
    }

    /** One pass over the inbox; {@code running} false stops it between files. Never throws. */
    void scanSafely(BooleanSupplier running) {
        try {
            scan(running);
        } catch (Throwable e) {
            log.error("Hotline: inbox scan failed, trying again at the next scan", e);
        }
    }

    private void scan(BooleanSupplier running) throws IOException {
        Path inbox = properties.inbox().toAbsolutePath().normalize();
        Instant now = Instant.now();
        List<Path> files;
        try (Stream<Path> list = Files.list(inbox)) {
            // Not through a link: a symbolic link would make the service read (and publish) a file from elsewhere.
            files = list.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)).filter(InboxScan::isCandidate)
                    .sorted().toList();
        }
        Set<Path> present = new HashSet<>(files);
        observed.keySet().retainAll(present);
        waiting.retain(present);
        for (Path file : files) {
            if (!running.getAsBoolean()) {
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
}
