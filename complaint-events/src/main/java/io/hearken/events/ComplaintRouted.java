package io.hearken.events;

import java.time.Instant;
import java.util.List;

/**
 * The router's decision, on {@code complaints.routed} and on the department's
 * {@code dept.<code>.assignments}. Carries the whole complaint so a department needs nothing else.
 * A re-routing (reassignment) is another ComplaintRouted with {@code assignment.reason} set.
 */
public record ComplaintRouted(String eventId, ComplaintId complaintId, Instant at, ComplaintReceived complaint,
        Classification classification, Assignment assignment, Links links) implements ComplaintEvent {

    public static final String TYPE = "complaint-routed";

    /**
     * {@code needsTriage}: confidence was below the threshold, a person must confirm the category.
     * {@code sentiment} and {@code customerType} (added later) are the router's reading of the resident's words and
     * channel; null on routings made before them.
     */
    public record Classification(String category, Urgency urgency, double confidence, boolean needsTriage,
            List<String> reasons, List<Suggestion> suggestions, Sentiment sentiment, ResidentType customerType) {

        /** Without sentiment and customer type (routings made before them). */
        public Classification(String category, Urgency urgency, double confidence, boolean needsTriage,
                List<String> reasons, List<Suggestion> suggestions) {
            this(category, urgency, confidence, needsTriage, reasons, suggestions, null, null);
        }
    }

    public record Suggestion(String category, double confidence) {
    }

    /** Deadlines are null where the SLA sets none; {@code previousDepartment} and {@code reason} on re-routing. */
    public record Assignment(String department, int priority, List<String> priorityReasons,
            Instant firstResponseDue, Instant resolutionDue, String previousDepartment, String reason) {
    }

    /** {@code relatedTo}: the master incident this one was linked to; {@code repeatOf}: earlier ones from the same place or resident. */
    public record Links(ComplaintId relatedTo, boolean repeat, List<ComplaintId> repeatOf) {

        public static Links none() {
            return new Links(null, false, List.of());
        }
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visit(this);
    }
}
