package io.hearken.intake.hotline.api;

import io.hearken.intake.hotline.publishing.PublishFailed;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * RFC 9457 problem details for the upload API only (the other modules' controllers keep their own
 * handling): Spring MVC's own errors (bad parameter, missing body, ...) plus ours.
 */
@RestControllerAdvice(assignableTypes = TranscriptsApi.class)
class HotlineProblems extends ResponseEntityExceptionHandler {

    @ExceptionHandler(HotlineProblem.class)
    ProblemDetail problem(HotlineProblem e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status, e.getMessage());
        problem.setTitle(e.title);
        e.properties.forEach(problem::setProperty);
        return problem;
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ProblemDetail invalid(ConstraintViolationException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getConstraintViolations()
                .stream().map(ConstraintViolation::getMessage).sorted().collect(Collectors.joining("; ")));
        problem.setTitle("Invalid request");
        return problem;
    }

    @ExceptionHandler(PublishFailed.class)
    ProblemDetail kafkaDown(PublishFailed e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "消息系统暂时不可用，请稍后重试（已完成的通话不会重复） / the message broker did not acknowledge in time; "
                        + "retry later (calls already done are not repeated)");
        problem.setTitle("Kafka unavailable");
        problem.setProperty("done", e.done().stream().map(TranscriptsApi.Result::of).toList());
        return problem;
    }
}
