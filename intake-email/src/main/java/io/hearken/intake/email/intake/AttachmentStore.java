package io.hearken.intake.email.intake;

import io.hearken.events.Attachment;
import io.hearken.events.ComplaintId;
import io.hearken.events.files.FileNames;
import io.hearken.intake.email.mime.MailFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.stream.Stream;

/**
 * Keeps attachments outside Kafka: {@code <dir>/<complaint id>/<sha-256 prefix>-<file name>}; the event
 * carries the file URI. Content-addressed, so storing the same mail twice writes the same files.
 */
public final class AttachmentStore {

    private final Path dir;

    public AttachmentStore(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    public Attachment store(ComplaintId id, MailFile file) throws IOException {
        String sha = sha256(file.bytes());
        String safe = file.fileName().replaceAll("[\\\\/:*?\"<>|\\x00-\\x1f]", "_").replaceAll("\\p{Cf}", "");
        // Its end (with the extension), at most 200 bytes: "<sha>-<name>" must stay within the 255 bytes of a file
        // name, also for a long Chinese one (3 bytes a character).
        while (safe.getBytes(StandardCharsets.UTF_8).length > 200) {
            safe = safe.substring(safe.offsetByCodePoints(0, 1));
        }
        Path folder = dir.resolve(id.value());
        Files.createDirectories(folder);
        Path target = folder.resolve(sha.substring(0, 12) + "-" + safe);
        if (!Files.exists(target)) {
            Path tmp = Files.createTempFile(folder, ".part-", ".tmp");
            Files.write(tmp, file.bytes());
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        return new Attachment(FileNames.clean(file.fileName()), file.contentType(), file.bytes().length, sha, target.toUri().toString());
    }

    /** Deletes every file stored for complaint {@code id} (an erasure); returns how many there were. */
    public int erase(ComplaintId id) throws IOException {
        Path folder = dir.resolve(id.value());
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            return 0;
        }
        int deleted = 0;
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                deleted += Files.deleteIfExists(file) && !file.getFileName().toString().startsWith(".part-") ? 1 : 0;
            }
        }
        Files.deleteIfExists(folder);
        return deleted;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
