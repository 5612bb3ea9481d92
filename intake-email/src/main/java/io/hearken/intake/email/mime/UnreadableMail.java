package io.hearken.intake.email.mime;

/** A mail we cannot make sense of; the message says why, for the quarantine note. */
public class UnreadableMail extends Exception {

    public UnreadableMail(String reason, Throwable cause) {
        super(reason, cause);
    }

    public UnreadableMail(String reason) {
        super(reason);
    }
}
