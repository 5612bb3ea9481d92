package io.hearken.intake.web.api;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A satisfaction score, a whole number from 1 to 5. One constraint rather than three, so a missing, low or high
 * score is one problem with one text ({@code validation.Score}).
 */
@NotNull
@Min(1)
@Max(5)
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@interface Score {

    String message() default "score 1-5";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
