package io.hearken.router.engine;

import io.hearken.router.classification.TextModel;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The model in service, swapped without a restart when the file {@code hearken.router.model} changes: every
 * {@code model-reload-interval} the file's modification time and size are compared with the last seen; a
 * changed file is read whole, loaded and tried on one text, and only then put in service in one atomic step
 * (every classification reads the reference once, so it uses the old model or the new one, never a mix).
 * A file that does not load is refused with an ERROR log line and a health detail; the model in service stays,
 * and the same file is not tried again until it changes.
 */
public final class ReloadingModel implements TextModel, AutoCloseable {

    /** The model in service and where it came from ({@code sha256}: first 16 hex digits of the file's hash). */
    public record InService(TextModel model, String source, String sha256, Instant fileModified, Instant loadedAt)
            implements TextModel {

        @Override
        public List<Scored> predict(String text) {
            return model.predict(text);
        }

        @Override
        public Set<String> labels() {
            return model.labels();
        }

        @Override
        public void save(Path to) {
            model.save(to);
        }

        @Override
        public String identity() {
            return sha256;
        }
    }

    /** A changed file that did not load. */
    public record Refusal(String file, String sha256, String reason, Instant at) {
    }

    private record Stamp(FileTime modified, long size) {
    }

    private static final Logger log = LoggerFactory.getLogger(ReloadingModel.class);

    private final Path file;
    private final Clock clock;
    private final AtomicReference<InService> current = new AtomicReference<>();
    private volatile Refusal refused;
    private volatile Stamp seen;
    private final ScheduledExecutorService timer;

    /**
     * Loads the file (a configured file that does not load stops the start, as before), else the default model;
     * {@code interval} zero or null: no watching.
     */
    public ReloadingModel(Path file, Duration interval, Clock clock) {
        this.file = file;
        this.clock = clock;
        if (file != null && Files.isRegularFile(file)) {
            Stamp stamp = stamp();
            current.set(read(stamp));
            seen = stamp;
            log.info("Router model: {} (sha256 {})", file, current.get().sha256());
        } else {
            current.set(new InService(DefaultModel.load(file), "default (trained from the shipped set)", null, null,
                    clock.instant()));
        }
        if (file != null && interval != null && !interval.isZero() && !interval.isNegative()) {
            timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "router-model-reload");
                t.setDaemon(true);
                return t;
            });
            timer.scheduleWithFixedDelay(this::checkQuietly, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        } else {
            timer = null;
        }
    }

    /** Loads the file when it changed since last seen; {@code true} when a new model went into service. */
    public synchronized boolean check() {
        if (file == null || !Files.isRegularFile(file)) {
            return false;
        }
        Stamp stamp;
        try {
            stamp = stamp();
        } catch (RuntimeException e) {
            return false; // replaced between the two calls: next time
        }
        if (stamp.equals(seen)) {
            return false;
        }
        seen = stamp;
        try {
            InService next = read(stamp);
            refused = null;
            if (next.sha256().equals(current.get().sha256())) {
                return false; // the same bytes again (touched, or copied back): nothing to swap
            }
            InService before = current.getAndSet(next);
            log.info("Router model reloaded from {}: sha256 {} ({} labels) now in service, was {}", file, next.sha256(),
                    next.model().labels().size(), before.sha256() == null ? before.source() : before.sha256());
            return true;
        } catch (RuntimeException | OutOfMemoryError e) { // a corrupt length may ask for a huge array
            String reason = e.getMessage() == null ? e.toString() : e.getMessage();
            refused = new Refusal(file.toString(), hashQuietly(), reason, clock.instant());
            log.error("Router model at {} refused, the model in service (sha256 {}) stays: {}", file,
                    current.get().sha256() == null ? current.get().source() : current.get().sha256(), reason);
            return false;
        }
    }

    private void checkQuietly() {
        try {
            check();
        } catch (RuntimeException e) {
            log.warn("Router model check failed: {}", e.toString()); // the timer must go on
        }
    }

    /** The model in service now: a classifier uses it for the whole of one text, so a swap never mixes two. */
    @Override
    public InService inService() {
        return current.get();
    }

    /** The last changed file that did not load, until one loads (null: none). */
    public Refusal refused() {
        return refused;
    }

    @Override
    public List<Scored> predict(String text) {
        return current.get().model().predict(text);
    }

    @Override
    public Set<String> labels() {
        return current.get().model().labels();
    }

    @Override
    public void save(Path to) {
        current.get().model().save(to);
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    private InService read(Stamp stamp) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read model " + file + ": " + e.getMessage(), e);
        }
        TextModel model = TextModel.load(new ByteArrayInputStream(bytes), file.toString());
        if (model.labels().size() < 2) {
            throw new IllegalStateException("the model at " + file + " has fewer than two labels: " + model.labels());
        }
        model.predict("电梯 lift"); // a model that loads but cannot score must not go into service
        return new InService(model, file.toString(), sha256(bytes), stamp.modified().toInstant(), clock.instant());
    }

    private Stamp stamp() {
        try {
            return new Stamp(Files.getLastModifiedTime(file), Files.size(file));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private String hashQuietly() {
        try {
            return sha256(Files.readAllBytes(file));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
