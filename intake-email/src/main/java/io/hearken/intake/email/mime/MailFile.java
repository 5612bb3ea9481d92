package io.hearken.intake.email.mime;

/** One attachment or inline image taken from a mail, with its decoded file name. */
public record MailFile(String fileName, String contentType, byte[] bytes, boolean inline) {
}
