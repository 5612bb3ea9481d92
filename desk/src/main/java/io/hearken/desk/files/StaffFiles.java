package io.hearken.desk.files;

import io.hearken.desk.actions.DeskProblem;
import io.hearken.events.Attachment;
import io.hearken.events.ComplaintId;
import io.hearken.events.files.FileKind;
import io.hearken.events.files.FileNames;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * The files staff attach to a reply: at most {@code max-files}, each at most {@code max-file-size}, accepted by their
 * content ({@link FileKind}: JPEG, PNG, GIF, WebP, PDF, or UTF-8 text), stored as
 * {@code <staff-dir>/<complaint id>/<sha-256>.<ext>} and referenced by a {@code file:} URI. {@link Stored#undo()} deletes what this call newly stored (the event was not
 * published).
 */
@Component
public class StaffFiles {

    private final AttachmentProperties properties;

    StaffFiles(AttachmentProperties properties) {
        this.properties = properties;
    }

    public Path dir() {
        return properties.staffDir().toAbsolutePath().normalize();
    }

    public record Stored(List<Attachment> attachments, List<Path> created) {

        public void undo() {
            for (Path p : created) {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // an orphan file is harmless; the erasure of the complaint removes its folder
                }
            }
        }
    }

    public Stored store(ComplaintId id, List<MultipartFile> files) {
        List<MultipartFile> chosen = files == null ? List.of()
                : files.stream().filter(f -> f != null && !f.isEmpty()).toList();
        if (chosen.size() > properties.maxFiles()) {
            throw DeskProblem.invalid("problem.too-many-files", properties.maxFiles());
        }
        for (MultipartFile f : chosen) {
            if (f.getSize() > properties.maxFileSize().toBytes()) {
                throw DeskProblem.tooLarge(properties.sizeLabel());
            }
        }
        List<Attachment> attachments = new ArrayList<>();
        List<Path> created = new ArrayList<>();
        try {
            for (MultipartFile f : chosen) {
                FileKind kind = kindOf(f);
                if (kind == null) {
                    new Stored(attachments, created).undo();
                    throw DeskProblem.unsupported(FileNames.clean(f.getOriginalFilename()));
                }
                Path folder = dir().resolve(id.value());
                Files.createDirectories(folder);
                Path temp = Files.createTempFile(folder, "upload-", ".part");
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                try (InputStream in = new DigestInputStream(f.getInputStream(), sha)) {
                    Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
                }
                String hash = HexFormat.of().formatHex(sha.digest());
                Path target = folder.resolve(hash + "." + kind.extension());
                if (Files.exists(target)) {
                    Files.delete(temp); // the same bytes attached before: one file
                } else {
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
                    created.add(target);
                }
                attachments.add(new Attachment(FileNames.clean(f.getOriginalFilename()), kind.contentType(),
                        Files.size(target), hash, target.toUri().toString()));
            }
        } catch (IOException e) {
            new Stored(attachments, created).undo();
            throw new UncheckedIOException("staff files for " + id + " not stored", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return new Stored(List.copyOf(attachments), created);
    }

    /** The kind its content proves, among those the desk serves back ({@link ServedTypes#KINDS}), or null. */
    static FileKind kindOf(MultipartFile f) throws IOException {
        try (InputStream in = f.getInputStream()) {
            return FileKind.of(in, ServedTypes.KINDS).orElse(null);
        }
    }
}
