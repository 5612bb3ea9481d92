package io.hearken.intake.hotline.folder;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Files kept in the inbox for now: when each may be tried again, what it waits for (shown in health), and how
 * often it failed unexpectedly. Written by the inbox thread only; {@link #reasons()} is read by health checks.
 */
final class WaitingFiles {

    private final Map<Path, Instant> notBefore = new HashMap<>();
    private final Map<Path, String> reasons = new ConcurrentHashMap<>();
    private final Map<Path, Integer> failures = new HashMap<>();

    /** Forgets files no longer in the inbox. */
    void retain(Set<Path> present) {
        notBefore.keySet().retainAll(present);
        reasons.keySet().retainAll(present);
        failures.keySet().retainAll(present);
    }

    boolean due(Path file, Instant now) {
        return !notBefore.getOrDefault(file, Instant.MIN).isAfter(now);
    }

    void later(Path file, String reason, Duration delay) {
        reasons.put(file, reason);
        notBefore.put(file, Instant.now().plus(delay));
    }

    /** Counts an unexpected failure; returns how many there were in a row. */
    int failed(Path file) {
        return failures.merge(file, 1, Integer::sum);
    }

    /** The file was processed without an unexpected failure (it may still wait for Kafka or the read model). */
    void ran(Path file) {
        failures.remove(file);
    }

    /** The file left the inbox. */
    void gone(Path file) {
        notBefore.remove(file);
        reasons.remove(file);
        failures.remove(file);
    }

    /** File name → what it waits for. */
    Map<String, String> reasons() {
        Map<String, String> byName = new TreeMap<>();
        reasons.forEach((file, why) -> byName.put(file.getFileName().toString(), why));
        return byName;
    }
}
