package io.hearken.intake.web.attachments;

import io.hearken.events.Attachment;
import io.hearken.events.ComplaintId;
import io.hearken.events.files.FileKind;
import io.hearken.events.files.FileNames;
import io.hearken.intake.web.WebIntakeProperties;
import io.hearken.intake.web.intake.InvalidSubmission;
import io.hearken.intake.web.intake.Violation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * Keeps uploaded files outside Kafka, under {@code hearken.web.attachments-dir}, named by their SHA-256 (the
 * same file uploaded twice is stored once). The type is decided by the first bytes, never by the name or the
 * browser's claim ({@link AcceptedFiles}): JPEG, PNG, GIF, WebP, HEIC and PDF only; 10 MB each, five at most. Which complaint holds which
 * file is kept in an {@link AttachmentIndex}, for erasure ({@link AttachmentErasure}).
 */
@Component
public class AttachmentStore {

    private static final Logger log = LoggerFactory.getLogger(AttachmentStore.class);

    public static final int MAX_FILES = 5;
    public static final long MAX_BYTES = 10L * 1024 * 1024;

    private final Path dir;
    final AttachmentIndex index;
    /** Files held by submissions not yet settled: how many hold each, and whether one of them was acknowledged. */
    private final ConcurrentHashMap<Path, Holders> inFlight = new ConcurrentHashMap<>();

    private record Holders(int count, boolean kept) {
    }

    AttachmentStore(WebIntakeProperties properties) {
        this.dir = properties.attachmentsDir().toAbsolutePath().normalize();
        this.index = new AttachmentIndex(dir);
    }

    /** The folder the files are kept in (absolute). */
    public Path dir() {
        return dir;
    }

    /**
     * Checks every file first (count, size, type), then stores them; throws {@link InvalidSubmission}. When the
     * submission then fails (Kafka down) the caller discards what this call added, so nothing stays half-saved.
     */
    public StoredAttachments store(List<MultipartFile> files) {
        List<MultipartFile> given = files == null ? List.of()
                : files.stream().filter(f -> f != null && !f.isEmpty()).toList();
        if (given.size() > MAX_FILES) {
            throw new InvalidSubmission(List.of(Violation.of("attachments", "TooManyFiles", MAX_FILES)));
        }
        List<FileKind> kinds = new ArrayList<>();
        for (MultipartFile file : given) {
            if (file.getSize() > MAX_BYTES) {
                throw new AttachmentTooLarge(file.getOriginalFilename());
            }
            FileKind kind = AcceptedFiles.sniff(file);
            if (kind == null) {
                throw new InvalidSubmission(List.of(Violation.of("attachments", "FileType",
                        FileNames.clean(file.getOriginalFilename()))));
            }
            kinds.add(kind);
        }
        List<Attachment> stored = new ArrayList<>();
        List<Path> held = new ArrayList<>();
        List<Path> added = new ArrayList<>();
        try {
            for (int i = 0; i < given.size(); i++) {
                stored.add(save(given.get(i), kinds.get(i), held, added));
            }
        } catch (RuntimeException e) {
            new StoredAttachments(this, stored, held, added).discard();
            throw e;
        }
        return new StoredAttachments(this, stored, held, added);
    }

    /**
     * Ends one submission's hold on a file. The file is deleted only when this submission created it, was not
     * acknowledged, and no other submission holds it or was acknowledged with it while it was held.
     */
    void release(Path file, boolean acknowledged, boolean created) {
        boolean[] delete = {false};
        inFlight.compute(file, (f, h) -> {
            Holders now = h == null ? new Holders(1, false) : h;
            boolean kept = now.kept() || acknowledged;
            int count = now.count() - 1;
            delete[0] = created && !kept && count <= 0;
            return count <= 0 ? null : new Holders(count, kept);
        });
        if (delete[0]) {
            deleteQuietly(file);
        }
    }

    /** Called while the submission still holds the file, so an erasure at the same moment cannot delete it. */
    void kept(ComplaintId id, Path file) {
        try {
            index.record(id, file);
        } catch (IOException e) {
            // The complaint is accepted; only its erasure would miss this file. Say so, with no personal data.
            log.warn("Attachment {} of complaint {} not indexed, an erasure will not find it: {}", file.getFileName(),
                    id, e.toString());
        }
    }

    /** Deletes a stored file unless a submission holds it right now (that one keeps it and indexes it). */
    boolean deleteUnlessHeld(Path file) throws IOException {
        IOException[] failure = {null};
        boolean[] deleted = {false};
        inFlight.compute(file, (f, holders) -> {
            if (holders == null) {
                try {
                    deleted[0] = Files.deleteIfExists(f);
                } catch (IOException e) {
                    failure[0] = e;
                }
            }
            return holders;
        });
        if (failure[0] != null) {
            throw failure[0];
        }
        return deleted[0];
    }

    /** {@code held} collects every file of this upload, {@code added} those it created (not stored before). */
    private Attachment save(MultipartFile file, FileKind kind, List<Path> held, List<Path> added) {
        Path temp = null;
        try {
            Files.createDirectories(dir);
            temp = Files.createTempFile(dir, "upload-", ".part");
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(file.getInputStream(), sha)) {
                Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
            }
            String hash = HexFormat.of().formatHex(sha.digest());
            Path target = dir.resolve(hash.substring(0, 2)).resolve(hash + "." + kind.extension());
            Files.createDirectories(target.getParent());
            // The same content stored already may belong to another complaint: keep it, and never count it as
            // ours. A hard link claims the name atomically, so of two concurrent uploads only one is the creator.
            inFlight.merge(target, new Holders(1, false), (a, b) -> new Holders(a.count() + 1, a.kept()));
            held.add(target);
            if (claim(temp, target)) {
                added.add(target);
            }
            return new Attachment(FileNames.clean(file.getOriginalFilename()), kind.contentType(), file.getSize(), hash,
                    target.toUri().toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store attachment", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            deleteQuietly(temp);
        }
    }

    private static boolean claim(Path temp, Path target) throws IOException {
        try {
            Files.createLink(target, temp);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (UnsupportedOperationException | FileSystemException e) {
            if (Files.exists(target)) {
                return false;
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return true;
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a stray .part file is harmless
            }
        }
    }
}
