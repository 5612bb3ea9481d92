package io.hearken.intake.hotline.publishing;

/**
 * What became of one call: a new complaint, a follow-up on an existing one (matched by {@code agent} or
 * {@code contact}), a duplicate of a call already published (same call id), or rejected with a reason.
 */
public record CallOutcome(int line, String callId, Kind outcome, String complaintId, String matchedBy, String reason) {

    public enum Kind {
        COMPLAINT("complaint"), FOLLOW_UP("follow-up"), DUPLICATE("duplicate"), REJECTED("rejected");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
