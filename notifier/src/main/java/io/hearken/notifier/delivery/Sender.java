package io.hearken.notifier.delivery;

/**
 * One medium (email, sms). The first sender, in {@code @Order}, that can reach a recipient delivers the notice: an
 * address gets mail, a phone number only an SMS. A sender failing with an exception makes the event retried;
 * failing with {@link Rejected}, dead-lettered at once.
 */
public interface Sender {

    /** {@code email}, {@code sms}, ... as written to {@code NotificationSent.medium}. */
    String medium();

    boolean canReach(Recipient recipient);

    /** The address this sender would use, for the bounce check and the rate limit. */
    String address(Recipient recipient);

    /** {@code false} for an address this medium can never deliver to (a malformed mail address). */
    default boolean isValid(String address) {
        return true;
    }

    /** {@code true} when the owner of this address asked not to be reached this way (SMS opt-out). */
    default boolean optedOut(String address) {
        return false;
    }

    /**
     * The id {@link #send} will give this notice, known before sending (deterministic), or null where the medium
     * assigns it.
     */
    default String messageId(Notice notice) {
        return null;
    }

    /** What {@link #send} will leave out of this notice (a file that is gone), for the ledger; null for nothing. */
    default String detail(Notice notice) {
        return null;
    }

    /** Sends and returns the message's id in the medium (the Message-ID of a mail). */
    String send(Notice notice);

    /**
     * The medium refused this message for good (an SMS gateway answering 4xx): retrying cannot help, so the event is
     * recorded as {@code rejected} and dead-lettered without retries. The message must carry no personal data.
     */
    class Rejected extends RuntimeException {

        public Rejected(String message) {
            super(message);
        }
    }
}
