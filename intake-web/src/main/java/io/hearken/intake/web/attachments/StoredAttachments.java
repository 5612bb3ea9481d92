package io.hearken.intake.web.attachments;

import io.hearken.events.Attachment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The files of one upload: the references for the event, and which files the upload itself created, so that a
 * submission Kafka did not acknowledge (or a replayed one) leaves no orphan behind.
 */
public final class StoredAttachments {

    private static final Logger log = LoggerFactory.getLogger(StoredAttachments.class);
    public static final StoredAttachments NONE = new StoredAttachments(List.of(), List.of());

    private final List<Attachment> attachments;
    private final List<Path> added;

    StoredAttachments(List<Attachment> attachments, List<Path> added) {
        this.attachments = List.copyOf(attachments);
        this.added = List.copyOf(added);
    }

    public List<Attachment> attachments() {
        return attachments;
    }

    /** Deletes the files this upload created; files stored before by another upload stay. */
    public void discard() {
        for (Path file : added) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                log.warn("Could not delete unused attachment {}: {}", file, e.toString());
            }
        }
    }
}
