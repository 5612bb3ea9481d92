package io.hearken.desk.files;

import io.hearken.desk.board.ComplaintBoard;
import io.hearken.events.ComplaintId;
import java.util.List;
import org.springframework.stereotype.Component;

/** The complaint page's list of files ({@code ${@deskFiles.of(id)}}); the page has already checked who may see it. */
@Component("deskFiles")
public class FilesOnPage {

    private final ComplaintBoard board;
    private final AttachmentProperties properties;

    FilesOnPage(ComplaintBoard board, AttachmentProperties properties) {
        this.board = board;
        this.properties = properties;
    }

    public List<DeskFile> of(String id) {
        return ComplaintId.isValid(id) ? board.find(ComplaintId.of(id)).map(ComplaintFiles::list).orElse(List.of())
                : List.of();
    }

    /** The {@code accept} of the forms' file inputs and their limits, for the page to say. */
    public String accept() {
        return "image/jpeg,image/png,image/gif,image/webp,application/pdf,text/plain";
    }

    public int maxFiles() {
        return properties.maxFiles();
    }

    public String maxSize() {
        return properties.sizeLabel();
    }
}
