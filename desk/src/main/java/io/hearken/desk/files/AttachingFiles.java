package io.hearken.desk.files;

import io.hearken.desk.actions.Done;
import io.hearken.desk.actions.WorkingOnComplaints;
import io.hearken.events.Attachment;
import io.hearken.events.ComplaintId;
import io.hearken.staff.StaffPerson;
import java.util.List;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

/**
 * A reply to the resident (public note, information request, resolution) with files: the complaint must be the
 * person's before anything is stored; the files are stored, the action publishes its event referring to them, and
 * if the action is refused or Kafka does not take it, the files this call stored are deleted again.
 */
@Service
public class AttachingFiles {

    private final WorkingOnComplaints work;
    private final StaffFiles files;

    AttachingFiles(WorkingOnComplaints work, StaffFiles files) {
        this.work = work;
        this.files = files;
    }

    public Done with(StaffPerson person, String id, List<MultipartFile> chosen, Function<List<Attachment>, Done> action) {
        ComplaintId complaint = work.view(person, id).id(); // 404 before a byte is stored
        StaffFiles.Stored stored = files.store(complaint, chosen);
        try {
            return action.apply(stored.attachments());
        } catch (RuntimeException refused) {
            stored.undo();
            throw refused;
        }
    }
}
