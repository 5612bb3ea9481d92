package io.hearken.desk.files;

import io.hearken.desk.actions.DeskProblem;
import io.hearken.events.Attachment;
import io.hearken.events.ComplaintId;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
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
 * first bytes (JPEG, PNG, GIF, WebP, PDF, or UTF-8 text), stored as {@code <staff-dir>/<complaint id>/<sha-256>.<ext>}
 * and referenced by a {@code file:} URI. {@link Stored#undo()} deletes what this call newly stored (the event was not
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
                String type = typeOf(f);
                if (type == null) {
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
                Path target = folder.resolve(hash + "." + extension(type));
                if (Files.exists(target)) {
                    Files.delete(temp); // the same bytes attached before: one file
                } else {
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
                    created.add(target);
                }
                attachments.add(new Attachment(FileNames.clean(f.getOriginalFilename()), type, Files.size(target), hash,
                        target.toUri().toString()));
            }
        } catch (IOException e) {
            new Stored(attachments, created).undo();
            throw new UncheckedIOException("staff files for " + id + " not stored", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return new Stored(List.copyOf(attachments), created);
    }

    /** The type its first bytes prove, or null. */
    static String typeOf(MultipartFile f) throws IOException {
        byte[] head;
        try (InputStream in = f.getInputStream()) {
            head = in.readNBytes(16);
        }
        if (starts(head, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        if (starts(head, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return "image/png";
        }
        if (starts(head, 'G', 'I', 'F', '8')) {
            return "image/gif";
        }
        if (starts(head, 'R', 'I', 'F', 'F') && head.length >= 12 && head[8] == 'W' && head[9] == 'E' && head[10] == 'B'
                && head[11] == 'P') {
            return "image/webp";
        }
        if (starts(head, '%', 'P', 'D', 'F', '-')) {
            return "application/pdf";
        }
        return isText(f.getBytes()) ? "text/plain" : null;
    }

    private static boolean isText(byte[] bytes) {
        try {
            String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return !s.isEmpty() && s.chars().noneMatch(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f');
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static boolean starts(byte[] head, int... magic) {
        if (head.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((head[i] & 0xff) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    static String extension(String type) {
        return switch (type) {
            case "image/jpeg" -> "jpg";
            case "image/png" -> "png";
            case "image/gif" -> "gif";
            case "image/webp" -> "webp";
            case "application/pdf" -> "pdf";
            default -> "txt";
        };
    }
}
