package io.hearken.intake.web.attachments;

/** A file over the 10 MB limit (413). */
public class AttachmentTooLarge extends RuntimeException {

    public AttachmentTooLarge(String fileName) {
        super("attachment larger than 10 MB: " + fileName);
    }
}
