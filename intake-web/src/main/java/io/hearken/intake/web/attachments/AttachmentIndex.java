package io.hearken.intake.web.attachments;

import io.hearken.events.ComplaintId;
import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Which complaint holds which stored file, for erasure: files are stored once by content, so one file may belong
 * to several complaints. Empty marker files, both ways, so that writing them never races (creating a name is
 * atomic, nothing is read and rewritten): {@code by-complaint/<complaint id>/<hash>.<ext>} lists a complaint's
 * files, {@code <ab>/<hash>.<ext>.by/<complaint id>} beside each file names its complaints. Files stored before
 * the index existed have no markers and are found by no erasure.
 */
final class AttachmentIndex {

    static final String BY_COMPLAINT = "by-complaint";
    private static final String HOLDERS = ".by";

    private final Path dir;

    AttachmentIndex(Path dir) {
        this.dir = dir;
    }

    /** {@code file} (a stored file under the store's folder) belongs to complaint {@code id}. */
    void record(ComplaintId id, Path file) throws IOException {
        // The file's own list first: a crash in between leaves a holder the erasure sees, never a lost one.
        mark(holders(file).resolve(id.value()));
        mark(dir.resolve(BY_COMPLAINT).resolve(id.value()).resolve(file.getFileName().toString()));
    }

    /** The stored files complaint {@code id} holds. */
    List<Path> filesOf(ComplaintId id) throws IOException {
        Path folder = dir.resolve(BY_COMPLAINT).resolve(id.value());
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<Path> files = new ArrayList<>();
        try (Stream<Path> markers = Files.list(folder)) {
            for (Path marker : markers.toList()) {
                String name = marker.getFileName().toString();
                if (name.length() > 2 && !name.startsWith(".")) {
                    files.add(dir.resolve(name.substring(0, 2)).resolve(name));
                }
            }
        }
        return files;
    }

    /** Complaint {@code id} lets go of {@code file}; {@code true} when no complaint holds it any more. */
    boolean release(ComplaintId id, Path file) throws IOException {
        Path holders = holders(file);
        Files.deleteIfExists(holders.resolve(id.value()));
        if (!Files.isDirectory(holders)) {
            return true;
        }
        try (Stream<Path> rest = Files.list(holders)) {
            return rest.findAny().isEmpty();
        }
    }

    /** After the file itself is deleted: its (empty) list of holders goes too. */
    void forget(Path file) throws IOException {
        try {
            Files.deleteIfExists(holders(file));
        } catch (DirectoryNotEmptyException e) {
            // a submission took the same content meanwhile: it stored the file again, its marker stays
        }
    }

    /** The last step of an erasure: the complaint's own list. */
    void drop(ComplaintId id) throws IOException {
        Path folder = dir.resolve(BY_COMPLAINT).resolve(id.value());
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> markers = Files.list(folder)) {
            for (Path marker : markers.toList()) {
                Files.deleteIfExists(marker);
            }
        }
        try {
            Files.deleteIfExists(folder);
        } catch (DirectoryNotEmptyException | NoSuchFileException e) {
            // recorded again meanwhile (a replayed submission): left for the next erasure of it
        }
    }

    private static Path holders(Path file) {
        return file.resolveSibling(file.getFileName() + HOLDERS);
    }

    private static void mark(Path marker) throws IOException {
        Files.createDirectories(marker.getParent());
        try {
            Files.createFile(marker);
        } catch (FileAlreadyExistsException e) {
            // recorded before (a replay of the same submission)
        }
    }
}
