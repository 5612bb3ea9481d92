package io.hearken.intake.web.attachments;

import io.hearken.events.Attachment;
import io.hearken.events.ComplaintId;
import java.nio.file.Path;
import java.util.List;

/**
 * The files of one upload: the references for the event, and the files it holds in the store until the
 * submission is settled, so that a submission Kafka did not acknowledge leaves no orphan behind and never takes
 * a file another submission uses.
 */
public final class StoredAttachments {

    public static final StoredAttachments NONE = new StoredAttachments(null, List.of(), List.of(), List.of());

    private final AttachmentStore store;
    private final List<Attachment> attachments;
    private final List<Path> held;
    private final List<Path> added;

    StoredAttachments(AttachmentStore store, List<Attachment> attachments, List<Path> held, List<Path> added) {
        this.store = store;
        this.attachments = List.copyOf(attachments);
        this.held = List.copyOf(held);
        this.added = List.copyOf(added);
    }

    public List<Attachment> attachments() {
        return attachments;
    }

    /** The submission was acknowledged as complaint {@code id} (or is a replay of one that was): its files stay. */
    public void keep(ComplaintId id) {
        if (store != null) {
            held.forEach(file -> {
                store.kept(id, file); // indexed while still held: an erasure now cannot delete it under us
                store.release(file, true, false);
            });
        }
    }

    /**
     * The submission was not acknowledged: deletes the files this upload created, unless another submission
     * holding the same content is still in flight or was acknowledged meanwhile.
     */
    public void discard() {
        if (store != null) {
            held.forEach(file -> store.release(file, false, added.contains(file)));
        }
    }
}
