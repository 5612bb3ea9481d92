package io.hearken.intake.web.intake;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Bean validation of a draft plus the rules that span fields (a contact; consent), and of the API's other request
 * records: every refusal becomes {@link Violation}s, whose texts are in {@code i18n/web}.
 */
@Component
public class DraftValidation {

    private final Validator validator;

    DraftValidation(Validator validator) {
        this.validator = validator;
    }

    /**
     * @param consentRequired the form asks for an explicit tick; API clients may leave it out (their
     *                        terms of use cover it) but never send {@code false}
     */
    public List<Violation> check(ComplaintDraft draft, boolean consentRequired) {
        List<Violation> problems = constraints(draft);
        if (isBlank(draft.email()) && isBlank(draft.phone())) {
            problems.add(Violation.of("email", "ContactRequired"));
        }
        if (Boolean.FALSE.equals(draft.consent()) || consentRequired && draft.consent() == null) {
            problems.add(Violation.of("consent", "ConsentRequired"));
        }
        problems.sort(Comparator.comparing(Violation::field).thenComparing(Violation::code));
        return problems;
    }

    /** The bean validation problems of a request record (annotated fields), sorted by field and code. */
    public List<Violation> check(Object request) {
        List<Violation> problems = constraints(request);
        problems.sort(Comparator.comparing(Violation::field).thenComparing(Violation::code));
        return problems;
    }

    private <T> List<Violation> constraints(T value) {
        List<Violation> problems = new ArrayList<>();
        for (ConstraintViolation<T> v : validator.validate(value)) {
            String code = v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
            Map<String, Object> attributes = v.getConstraintDescriptor().getAttributes();
            List<Object> args = "Size".equals(code) ? List.of(attributes.get("max"), attributes.get("min")) : List.of();
            problems.add(new Violation(v.getPropertyPath().toString(), code, args));
        }
        return problems;
    }

    static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
