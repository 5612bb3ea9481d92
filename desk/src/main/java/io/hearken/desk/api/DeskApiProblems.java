package io.hearken.desk.api;

import io.hearken.desk.actions.DeskProblem;
import io.hearken.desk.i18n.DeskMessages;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** RFC 9457 problems for the desk API only, with the title and detail in the caller's language. */
@RestControllerAdvice(assignableTypes = {DeskApi.class, DeskEntryApi.class, io.hearken.desk.visits.ReturnVisitApi.class,
        io.hearken.desk.files.AttachmentDownloads.class, io.hearken.desk.files.ReplyFilesApi.class,
        io.hearken.desk.replies.CannedRepliesApi.class})
class DeskApiProblems {

    private static final String TYPES = "https://hearken.io/problems/desk/";

    private final DeskMessages messages;

    DeskApiProblems(DeskMessages messages) {
        this.messages = messages;
    }

    @ExceptionHandler
    ProblemDetail refused(DeskProblem problem, Locale locale) {
        ProblemDetail detail = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(problem.status()),
                messages.get(problem.messageKey(), locale, problem.args()));
        detail.setTitle(messages.get("problem.title." + problem.status(), locale));
        detail.setType(URI.create(TYPES + problem.messageKey().substring("problem.".length())));
        return detail;
    }

    @ExceptionHandler
    ProblemDetail invalid(MethodArgumentNotValidException invalid, Locale locale) {
        ProblemDetail detail = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                messages.get("problem.invalid", locale));
        detail.setTitle(messages.get("problem.title.400", locale));
        detail.setType(URI.create(TYPES + "invalid"));
        List<Map<String, String>> errors = invalid.getBindingResult().getFieldErrors().stream()
                .map(e -> Map.of("field", e.getField(), "message", String.valueOf(e.getDefaultMessage())))
                .toList();
        detail.setProperty("errors", errors);
        return detail;
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class})
    ProblemDetail unreadable(Exception unreadable, Locale locale) {
        ProblemDetail detail = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                messages.get("problem.unreadable", locale));
        detail.setTitle(messages.get("problem.title.400", locale));
        detail.setType(URI.create(TYPES + "unreadable"));
        return detail;
    }
}
