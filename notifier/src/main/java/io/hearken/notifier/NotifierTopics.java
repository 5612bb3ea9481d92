package io.hearken.notifier;

import io.hearken.events.Topics;

/** The notifier's own topics (the shared ones are in {@link Topics}). */
public final class NotifierTopics {

    /** Where a replay puts dead letters back: the notifier's listener reads it like the complaint topics. */
    public static final String RETRY = "notifier.mail-retry";
    /** Events whose mail could not go out after every retry; replay with POST /api/v1/notifier/dead-letters/replay. */
    public static final String DEAD_LETTERS = "notifier.mail" + Topics.DEAD_LETTER_SUFFIX;

    private NotifierTopics() {
    }
}
