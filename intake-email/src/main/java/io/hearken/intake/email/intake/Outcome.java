package io.hearken.intake.email.intake;

import io.hearken.events.ComplaintId;

/** What became of one mail; the mailbox moves it accordingly. */
public record Outcome(Kind kind, String reason, ComplaintId complaintId) {

    public enum Kind {
        /** A new complaint is in Kafka. */
        COMPLAINT,
        /** A follow-up on an existing complaint is in Kafka. */
        FOLLOW_UP,
        /** Recorded and not a complaint (auto-reply, bounce, own mail, rate limit, empty). */
        SKIPPED,
        /** Already turned into an event earlier (redelivery, crash before the flag, a copy). */
        DUPLICATE,
        /** Unreadable: reported on the dead-letter topic, to be moved to the quarantine folder. */
        QUARANTINED
    }

    /** {@code true}: flag \Seen and move to the processed folder. */
    public boolean done() {
        return kind != Kind.QUARANTINED;
    }
}
