package io.hearken.intake.web.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.hearken.readmodel.ComplaintView;
import io.hearken.readmodel.TimelineEntry;
import io.hearken.intake.web.intake.ComplaintDraft;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/** The JSON shapes of the REST API. */
final class ApiRecords {

    private ApiRecords() {
    }

    /** POST /api/v1/complaints (JSON, or the same names as multipart form fields plus {@code attachments}). */
    record NewComplaint(String name, String email, String phone, String residentType, String building, String unit,
            String subject, String description, String categoryHint, String language, Boolean consent) {

        ComplaintDraft draft() {
            return new ComplaintDraft(name, email, phone, residentType, building, unit, subject, description,
                    categoryHint, language, consent);
        }

        /** The same fields sent as multipart form fields; a checkbox's {@code on} is consent. */
        static NewComplaint fromForm(MultipartHttpServletRequest r) {
            String consent = r.getParameter("consent");
            return new NewComplaint(r.getParameter("name"), r.getParameter("email"), r.getParameter("phone"),
                    r.getParameter("residentType"), r.getParameter("building"), r.getParameter("unit"),
                    r.getParameter("subject"), r.getParameter("description"), r.getParameter("categoryHint"),
                    r.getParameter("language"), consent == null ? null : Boolean.valueOf(
                            consent.equalsIgnoreCase("true") || consent.equalsIgnoreCase("on")));
        }
    }

    record Accepted(String id, String status, String trackingUrl) {
    }

    /**
     * GET /api/v1/complaints/{id}: never a contact, a name, a hash or the unit. The resident's own text (subject,
     * description, building, the texts of the history) only when the caller proved to be the resident.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ComplaintStatus(String id, String status, String category, String urgency, String department,
            Instant receivedAt, Instant firstResponseDue, Instant resolutionDue, String subject, String description,
            String language, String building, List<HistoryItem> history) {

        static ComplaintStatus of(ComplaintView v, List<TimelineEntry> timeline, boolean own) {
            return new ComplaintStatus(v.id(), v.status(), v.category(), v.urgency(), v.department(), v.receivedAt(),
                    v.firstResponseDue(), v.resolutionDue(), own ? v.subject() : null, own ? v.description() : null,
                    v.language(), own ? v.building() : null,
                    timeline.stream().map(e -> HistoryItem.of(e, own)).toList());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record HistoryItem(String type, Instant at, String status, String text, String department) {
        static HistoryItem of(TimelineEntry e, boolean withText) {
            return new HistoryItem(e.type(), e.at(), e.status(), withText ? e.text() : null, e.department());
        }
    }

    /**
     * POST .../comments: {@code contact} is the e-mail (or phone) used at submission. No body at all is an empty one
     * ({@link #NONE}): its fields are then reported missing.
     */
    record NewComment(@NotBlank String contact, @NotBlank @Size(max = 5000) String text) {
        static final NewComment NONE = new NewComment(null, null);
    }

    /** POST .../feedback: satisfaction 1–5 and an optional comment. */
    record NewFeedback(@NotBlank String contact, @Score Integer score, @Size(max = 2000) String comment) {
        static final NewFeedback NONE = new NewFeedback(null, null, null);
    }

    record EventAccepted(String complaintId, String eventId, String type) {
    }

    /** One field error inside a problem body. */
    record FieldError(String field, String code, String message) {
    }
}
