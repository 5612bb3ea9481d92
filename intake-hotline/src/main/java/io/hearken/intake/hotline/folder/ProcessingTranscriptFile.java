package io.hearken.intake.hotline.folder;

import io.hearken.intake.hotline.HotlineProperties;
import io.hearken.intake.hotline.parsing.Parsed;
import io.hearken.intake.hotline.parsing.Problem;
import io.hearken.intake.hotline.parsing.TranscriptFormat;
import io.hearken.intake.hotline.parsing.Transcripts;
import io.hearken.intake.hotline.publishing.CallOutcome;
import io.hearken.intake.hotline.publishing.PublishFailed;
import io.hearken.intake.hotline.publishing.PublishingCalls;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One transcript file of the inbox, start to end: read, publish every good call (exactly once per call id),
 * then move the file: to {@code processed/} when every call went through, to {@code rejected/} with a
 * {@code <name>.error.txt} naming each bad line and why (the good calls of the file are published all the
 * same; so is a call Kafka can never take, e.g. larger than its record limit). When Kafka does not acknowledge,
 * or the read model cannot be asked, the file stays in the inbox and is tried again later; the calls already done
 * are skipped then.
 */
@Component
public class ProcessingTranscriptFile {

    private static final Logger log = LoggerFactory.getLogger(ProcessingTranscriptFile.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS")
            .withZone(java.time.ZoneOffset.UTC);

    private final Transcripts transcripts;
    private final PublishingCalls publishing;
    private final HotlineProperties properties;
    private final MeterRegistry meters;

    ProcessingTranscriptFile(Transcripts transcripts, PublishingCalls publishing, HotlineProperties properties,
            MeterRegistry meters) {
        this.transcripts = transcripts;
        this.publishing = publishing;
        this.properties = properties;
        this.meters = meters;
    }

    public FileReport process(Path file) throws IOException {
        long started = System.nanoTime();
        String name = file.getFileName().toString();
        Optional<TranscriptFormat> format = TranscriptFormat.ofFileName(name);
        if (format.isEmpty()) {
            return finish(file, reject(file, List.of(new Problem(0, null,
                    "未知格式，文件名应以 .json、.csv 或 .txt 结尾 / unknown format: the name must end in .json, .csv or .txt"))),
                    0, List.of(), 0, started, null);
        }
        long size = Files.size(file);
        if (size > properties.maxFileBytes()) {
            return finish(file, reject(file, List.of(new Problem(0, null, "文件过大 / the file is larger than "
                    + properties.maxFileBytes() + " bytes (hearken.hotline.max-file-bytes)"))), 0, List.of(), 0, started,
                    null);
        }
        Parsed parsed = transcripts.parse(Files.readAllBytes(file), format.get());
        log.info("Hotline file {}: {} {} ({}), {} calls, {} problems", name, format.get(), size + " bytes",
                parsed.charset(), parsed.calls().size(), parsed.problems().size());
        int calls = parsed.calls().size() + badLines(parsed);
        if (badLines(parsed) > 0) {
            meters.counter("hearken.hotline.calls", "outcome", "rejected", "via", "folder").increment(badLines(parsed));
        }
        List<CallOutcome> outcomes;
        try {
            outcomes = publishing.publish(parsed.calls(), "folder", name);
        } catch (PublishFailed e) {
            log.warn("Hotline file {} stays in the inbox to be tried again ({}): {}", name, e.waitingFor(), e.getMessage());
            return finish(file, null, calls, e.done(), badLines(parsed) + quarantined(e.done()).size(), started,
                    e.waitingFor());
        }
        // Calls Kafka can never take are problems of their lines, like the bad lines the parser found.
        List<Problem> problems = new ArrayList<>(parsed.problems());
        problems.addAll(quarantined(outcomes));
        problems.sort(Comparator.comparingInt(Problem::line));
        int taken = outcomes.size() - quarantined(outcomes).size();
        Path movedTo = problems.isEmpty() ? move(file, properties.processed()) : reject(file, problems, taken);
        return finish(file, movedTo, calls, outcomes, badLines(parsed) + quarantined(outcomes).size(), started, null);
    }

    /** Moves a file that cannot be processed at all to {@code rejected/}, with the reason in its error file. */
    FileReport quarantine(Path file, String reason) throws IOException {
        return finish(file, reject(file, List.of(new Problem(0, null, reason))), 0, List.of(), 0, System.nanoTime(), null);
    }

    private FileReport finish(Path file, Path movedTo, int calls, List<CallOutcome> outcomes, int rejected, long started,
            String waitingFor) {
        FileReport.Result result = movedTo == null ? FileReport.Result.RETRY_LATER
                : movedTo.startsWith(properties.rejected()) ? FileReport.Result.REJECTED : FileReport.Result.PROCESSED;
        FileReport report = new FileReport(file.getFileName().toString(), result, calls,
                count(outcomes, CallOutcome.Kind.COMPLAINT), count(outcomes, CallOutcome.Kind.FOLLOW_UP),
                count(outcomes, CallOutcome.Kind.DUPLICATE), rejected, movedTo, (System.nanoTime() - started) / 1_000_000,
                waitingFor);
        meters.counter("hearken.hotline.files", "result", result.name().toLowerCase(java.util.Locale.ROOT)).increment();
        log.info("{}", report);
        return report;
    }

    private static int count(List<CallOutcome> outcomes, CallOutcome.Kind kind) {
        return (int) outcomes.stream().filter(o -> o.outcome() == kind).count();
    }

    /** Problems of a line are calls that were not taken; a problem of the whole file (line 0) is no call. */
    private static int badLines(Parsed parsed) {
        return (int) parsed.problems().stream().filter(p -> p.line() > 0).count();
    }

    private static List<Problem> quarantined(List<CallOutcome> outcomes) {
        return outcomes.stream().filter(o -> o.outcome() == CallOutcome.Kind.REJECTED)
                .map(o -> new Problem(o.line(), o.callId(), o.reason())).toList();
    }

    private Path reject(Path file, List<Problem> problems) throws IOException {
        return reject(file, problems, 0);
    }

    private Path reject(Path file, List<Problem> problems, int taken) throws IOException {
        Files.createDirectories(properties.rejected());
        Path target = free(properties.rejected(), file.getFileName().toString());
        StringBuilder text = new StringBuilder();
        text.append("# ").append(file.getFileName()).append(" — ").append(problems.size()).append(" 处问题 / problem(s); ")
                .append(taken > 0 ? "其余 " + taken + " 通通话已处理 / the other " + taken + " call(s) were taken"
                        : "没有通话被处理 / no call was taken").append('\n');
        for (Problem p : problems) {
            text.append(p).append('\n');
        }
        // The reason first, then the file: whoever sees the file in rejected/ also finds why.
        Files.writeString(target.resolveSibling(FileNames.fit(target.getFileName().toString(), ".error.txt")), text,
                StandardCharsets.UTF_8);
        return moveTo(file, target);
    }

    private Path move(Path file, Path folder) throws IOException {
        Files.createDirectories(folder);
        return moveTo(file, free(folder, file.getFileName().toString()));
    }

    private static Path moveTo(Path file, Path target) throws IOException {
        try {
            return Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            return Files.move(file, target);
        }
    }

    /** The same name again (a re-sent export) must not overwrite the earlier file: add a time stamp. */
    private static Path free(Path folder, String name) {
        Path target = folder.resolve(name);
        if (!Files.exists(target)) {
            return target;
        }
        int dot = name.lastIndexOf('.');
        String extension = dot > 0 ? name.substring(dot) : "";
        String stem = FileNames.fit(name.substring(0, name.length() - extension.length()),
                "." + STAMP.format(Instant.now()) + extension);
        return folder.resolve(stem);
    }
}
