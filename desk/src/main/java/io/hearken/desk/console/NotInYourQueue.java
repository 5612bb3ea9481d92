package io.hearken.desk.console;

/** Unknown, or another department's complaint: {@link NotInYourQueuePage} answers it. */
final class NotInYourQueue extends RuntimeException {

    NotInYourQueue() {
        super(null, null, false, false);
    }
}
