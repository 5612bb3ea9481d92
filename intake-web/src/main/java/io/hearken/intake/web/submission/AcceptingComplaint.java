package io.hearken.intake.web.submission;

import io.hearken.intake.web.abuse.RateLimiter;
import io.hearken.intake.web.attachments.AttachmentStore;
import io.hearken.intake.web.attachments.StoredAttachments;
import io.hearken.intake.web.intake.ComplaintDraft;
import io.hearken.intake.web.intake.DraftValidation;
import io.hearken.intake.web.intake.InvalidSubmission;
import io.hearken.intake.web.intake.SubmittingComplaint;
import io.hearken.intake.web.intake.Violation;
import java.io.IOException;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * A new complaint from any web door (the form, the REST API, Open311), the same way for each: rate limit, read the
 * request, validate, store the attachments, submit; the files stay only when Kafka acknowledged the complaint. The
 * controllers only read their own request shape and answer in their own format.
 */
@Component
public class AcceptingComplaint {

    /**
     * What a door hands in. {@code consentRequired}: the form asks for the tick, API clients' terms cover it;
     * {@code anonymousAllowed}: Open311 accepts a report without a contact (a device).
     */
    public record Submission(ComplaintDraft draft, boolean consentRequired, boolean anonymousAllowed,
            List<MultipartFile> files, SubmittingComplaint.Source source) {
    }

    /**
     * Reads the request after the rate limit, so a client over its limit is refused before its body is read or
     * its key checked; may refuse the request in the door's own terms.
     */
    @FunctionalInterface
    public interface Reading {
        Submission read() throws IOException;
    }

    private final RateLimiter rateLimiter;
    private final DraftValidation validation;
    private final AttachmentStore attachments;
    private final SubmittingComplaint submitting;

    public AcceptingComplaint(RateLimiter rateLimiter, DraftValidation validation, AttachmentStore attachments,
            SubmittingComplaint submitting) {
        this.rateLimiter = rateLimiter;
        this.validation = validation;
        this.attachments = attachments;
        this.submitting = submitting;
    }

    /**
     * @throws InvalidSubmission       field problems (nothing stored, nothing published)
     * @throws RateLimiter.RateLimited the address is over its limit
     */
    public SubmittingComplaint.Submitted accept(String clientAddress, Reading reading) throws IOException {
        rateLimiter.check(clientAddress);
        Submission submission = reading.read();
        List<Violation> problems = validation.check(submission.draft(), submission.consentRequired()).stream()
                .filter(v -> !submission.anonymousAllowed() || !"ContactRequired".equals(v.code())).toList();
        if (!problems.isEmpty()) {
            throw new InvalidSubmission(problems);
        }
        StoredAttachments stored = attachments.store(submission.files());
        SubmittingComplaint.Submitted result;
        try {
            result = submitting.submit(submission.draft(), stored.attachments(), submission.source());
        } catch (RuntimeException e) {
            stored.discard(); // not acknowledged: no file without its complaint
            throw e;
        }
        // Acknowledged, or a replay of one that was (same content, so the same files): the files stay.
        stored.keep(result.id());
        return result;
    }
}
