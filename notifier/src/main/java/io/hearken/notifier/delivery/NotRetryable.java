package io.hearken.notifier.delivery;

import java.util.List;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;

/**
 * Failures no retry can mend: a mail that cannot be built will not build on the next try either, nor will a message
 * the SMS gateway refused (4xx). The error handler dead-letters them at once; a batch does not send them again.
 */
public final class NotRetryable {

    public static final List<Class<? extends Exception>> TYPES =
            List.of(MailPreparationException.class, MailParseException.class, Sender.Rejected.class);

    private NotRetryable() {
    }

    /** {@code true} when this failure, or one of its causes, is of one of the {@link #TYPES}. */
    public static boolean is(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            for (Class<? extends Exception> type : TYPES) {
                if (type.isInstance(t)) {
                    return true;
                }
            }
        }
        return false;
    }
}
