package io.hearken.notifier.ledger;

/** The {@code reason} values of {@code NotificationNotSent}. */
public final class NotSentReasons {

    /** The resident left a phone number only and no medium reaches it (SMS is off). */
    public static final String NO_EMAIL = "no-email";
    /** Neither an address nor a phone number. */
    public static final String NO_CONTACT = "no-contact";
    /** The address is malformed; no retry can help. */
    public static final String INVALID_ADDRESS = "invalid-address";
    /** The address bounced permanently before. */
    public static final String BOUNCED = "bounced";
    /** Too many mails to that address within the window. */
    public static final String RATE_LIMITED = "rate-limited";
    /** The resident asked not to be texted (SMS opt-out, keyed by the contact hash). */
    public static final String OPTED_OUT = "opted-out";
    /**
     * The medium refused this message for good (an SMS gateway's 4xx): the event is dead-lettered at once, without
     * retries; a replay (after fixing, e.g., a template id) may still send it.
     */
    public static final String REJECTED = "rejected";
    /** Every retry failed; the event is in the dead-letter topic and can be replayed. */
    public static final String GAVE_UP = "gave-up";

    private NotSentReasons() {
    }
}
