package io.hearken.intake.hotline.folder;

import io.hearken.events.ComplaintId;
import io.hearken.events.privacy.ErasureHandler;
import io.hearken.events.privacy.PersonalData;
import io.hearken.events.privacy.ResidentErased;
import io.hearken.intake.hotline.HotlineProperties;
import io.hearken.intake.hotline.parsing.TextDecoding;
import io.hearken.intake.hotline.parsing.TranscriptBlocks;
import io.hearken.intake.hotline.parsing.TranscriptFormat;
import io.hearken.intake.hotline.parsing.Transcripts;
import io.hearken.intake.hotline.publishing.ProcessedCalls;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The hotline's part of an erasure: the transcript files kept after processing ({@code processed/}, and
 * {@code rejected/} with its error files) lose the erased resident's calls. Each file is cut into its calls the
 * way the readers read it ({@link TranscriptBlocks}); a call goes when its text holds one of the resident's
 * numbers (by keyed hash) or an erased tracking id, or when its call id went to an erased complaint. The rest of the
 * file is written back unchanged, through a temporary file moved over it; a file left with no call is deleted, with
 * its error file. Idempotent: a second run finds nothing more to take.
 */
@Component
class TranscriptArchiveErasure implements ErasureHandler {

    private static final Logger log = LoggerFactory.getLogger(TranscriptArchiveErasure.class);
    private static final String ERRORS = ".error.txt";

    private final HotlineProperties properties;
    private final Transcripts transcripts;
    private final ProcessedCalls processedCalls;
    private final PersonalData personalData;
    private final Counter erased;

    TranscriptArchiveErasure(HotlineProperties properties, Transcripts transcripts, ProcessedCalls processedCalls,
            PersonalData personalData, MeterRegistry meters) {
        this.properties = properties;
        this.transcripts = transcripts;
        this.processedCalls = processedCalls;
        this.personalData = personalData;
        this.erased = Counter.builder("hearken.privacy.erased.items").tag("channel", "hotline")
                .description("Files, mails and transcript calls deleted by erasures").register(meters);
    }

    /** What one erasure did, for its log line: counts only. */
    @Override
    public String scope() {
        return properties.processed().toAbsolutePath() + "," + properties.rejected().toAbsolutePath();
    }

    private static final class Tally {
        int calls;
        int rewritten;
        int deleted;
        int tooLarge;
    }

    @Override
    public void on(ResidentErased erasure) {
        Set<String> ids = erasure.complaintIds().stream().map(ComplaintId::value).collect(Collectors.toSet());
        ErasedResident resident = new ErasedResident(personalData, new HashSet<>(erasure.contactHashes()), ids,
                ids.isEmpty() ? Set.of() : processedCalls.callsOf(ids));
        Tally tally = new Tally();
        try {
            for (Path folder : List.of(properties.processed(), properties.rejected())) {
                for (Path file : files(folder)) {
                    String name = file.getFileName().toString();
                    if (name.endsWith(ERRORS)) {
                        continue; // after the transcripts: an error file goes with its deleted transcript
                    }
                    erase(file, TranscriptFormat.ofFileName(name), resident, tally);
                }
                for (Path file : files(folder)) {
                    if (file.getFileName().toString().endsWith(ERRORS)) {
                        errors(file, resident);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("erasure " + erasure.erasureId() + ": transcript archive not all rewritten", e);
        }
        log.info("Erasure {}: {} call(s) taken out of the transcript archive, {} file(s) rewritten, {} deleted{}",
                erasure.erasureId(), tally.calls, tally.rewritten, tally.deleted,
                tally.tooLarge == 0 ? "" : ", " + tally.tooLarge + " over hearken.hotline.max-file-bytes left unread");
    }

    private static List<Path> files(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(folder)) {
            return list.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS))
                    .filter(f -> !f.getFileName().toString().startsWith(".")).sorted().toList();
        }
    }

    private void erase(Path file, Optional<TranscriptFormat> format, ErasedResident resident, Tally tally)
            throws IOException {
        if (Files.size(file) > properties.maxFileBytes()) {
            tally.tooLarge++; // never read for processing either (rejected as too large); logged, not guessed at
            return;
        }
        byte[] bytes = Files.readAllBytes(file);
        TextDecoding.Decoded decoded = TextDecoding.decode(bytes);
        String text = decoded.text();
        boolean callsToCheck = resident.mayHoldCall(text);
        if (!callsToCheck && !resident.mentionedIn(text)) {
            return;
        }
        TranscriptBlocks blocks = format.map(f -> TranscriptBlocks.of(text, f)).orElse(TranscriptBlocks.whole(text));
        int[] taken = {0};
        String rest = blocks.without(call -> {
            boolean theirs = resident.mentionedIn(call) || callsToCheck && format.isPresent()
                    && resident.isErasedCall(transcripts.parse(blocks.alone(call, format.get())
                            .getBytes(StandardCharsets.UTF_8), format.get()));
            taken[0] += theirs ? 1 : 0;
            return theirs;
        });
        if (taken[0] == 0) {
            return;
        }
        if (rest == null) {
            Files.deleteIfExists(file);
            Files.deleteIfExists(file.resolveSibling(FileNames.fit(file.getFileName().toString(), ERRORS)));
            tally.deleted++;
        } else {
            replace(file, TextDecoding.byteOrderMark(bytes), rest.getBytes(decoded.charset()));
            tally.rewritten++;
        }
        tally.calls += taken[0];
        erased.increment(taken[0]);
    }

    /** The lines of an error file about an erased call (or quoting the resident) go; its heading stays. */
    private void errors(Path file, ErasedResident resident) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (!resident.mayHoldCall(text) && !resident.mentionedIn(text)) {
            return;
        }
        String kept = text.lines().filter(line -> !resident.namesCall(line) && !resident.mentionedIn(line))
                .collect(Collectors.joining("\n", "", "\n"));
        if (!kept.equals(text)) {
            replace(file, new byte[0], kept.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Write aside, then move over: a crash leaves the old file or the new one, never half of one. */
    private static void replace(Path file, byte[] byteOrderMark, byte[] content) throws IOException {
        Path temp = Files.createTempFile(file.getParent(), ".erasure-", ".tmp");
        try {
            try (var out = Files.newOutputStream(temp)) {
                out.write(byteOrderMark);
                out.write(content);
            }
            Files.setLastModifiedTime(temp, Files.getLastModifiedTime(file));
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
