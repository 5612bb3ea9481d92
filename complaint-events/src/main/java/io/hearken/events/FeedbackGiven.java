package io.hearken.events;

import java.time.Instant;

/** The resident's satisfaction (1–5) after resolution, on {@code intake.<channel>}; a low score reopens. */
public record FeedbackGiven(String eventId, ComplaintId complaintId, Instant at, Channel channel, int score,
        String comment) implements ComplaintEvent {

    public static final String TYPE = "feedback-given";
    /** Scores below this reopen a resolved complaint. */
    public static final int REOPEN_BELOW = 3;

    public FeedbackGiven {
        if (score < 1 || score > 5) {
            throw new IllegalArgumentException("satisfaction score must be 1 to 5: " + score);
        }
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visit(this);
    }
}
