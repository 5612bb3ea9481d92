package io.hearken.notifier.delivery;

/**
 * One medium (email today; an SMS sender can be added as another bean). The first sender that can reach a
 * recipient delivers the notice; a sender failing with an exception makes the event retried.
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

    /**
     * The id {@link #send} will give this notice, known before sending (deterministic), or null where the medium
     * assigns it.
     */
    default String messageId(Notice notice) {
        return null;
    }

    /** Sends and returns the message's id in the medium (the Message-ID of a mail). */
    String send(Notice notice);
}
