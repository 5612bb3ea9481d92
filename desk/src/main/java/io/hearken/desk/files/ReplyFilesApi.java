package io.hearken.desk.files;

import io.hearken.desk.actions.DeskProblem;
import io.hearken.desk.actions.Done;
import io.hearken.desk.actions.WorkingOnComplaints;
import io.hearken.staff.StaffPerson;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The reply actions of the desk API as {@code multipart/form-data} with {@code files} parts (the JSON forms stay
 * in {@code DeskApi}): same fields, same answers, same {@code Idempotency-Key}.
 */
@RestController
@RequestMapping(path = "/api/v1/desk/complaints/{id}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
public class ReplyFilesApi {

    private static final String KEY = "Idempotency-Key";

    private final WorkingOnComplaints work;
    private final AttachingFiles attaching;

    ReplyFilesApi(WorkingOnComplaints work, AttachingFiles attaching) {
        this.work = work;
        this.attaching = attaching;
    }

    @PostMapping("/notes")
    Done note(Authentication auth, @PathVariable String id, @RequestParam(defaultValue = "") String text,
            @RequestParam(defaultValue = "false") boolean visibleToResident,
            @RequestParam(required = false) List<MultipartFile> files, @RequestHeader(name = KEY, required = false) String key) {
        StaffPerson person = StaffPerson.of(auth);
        String note = text(text, 4000);
        return attaching.with(person, id, files, a -> work.note(person, id, note, visibleToResident, a, key));
    }

    @PostMapping("/information-requests")
    Done requestInformation(Authentication auth, @PathVariable String id, @RequestParam(defaultValue = "") String question,
            @RequestParam(required = false) List<MultipartFile> files, @RequestHeader(name = KEY, required = false) String key) {
        StaffPerson person = StaffPerson.of(auth);
        String q = text(question, 2000);
        return attaching.with(person, id, files, a -> work.requestInformation(person, id, q, a, key));
    }

    @PostMapping("/resolution")
    Done resolve(Authentication auth, @PathVariable String id, @RequestParam(defaultValue = "") String text,
            @RequestParam(required = false) List<MultipartFile> files, @RequestHeader(name = KEY, required = false) String key) {
        StaffPerson person = StaffPerson.of(auth);
        String resolution = text(text, 4000);
        return attaching.with(person, id, files, a -> work.resolve(person, id, resolution, a, key));
    }

    private static String text(String text, int max) {
        if (text == null || text.isBlank() || text.length() > max) {
            throw DeskProblem.invalid("problem.invalid");
        }
        return text;
    }
}
