package io.hearken.intake.web.intake;

import java.util.List;

/**
 * One field problem: {@code code} is the constraint (NotBlank, Size, Email, ...) and finds the text in
 * {@code i18n/web} as {@code <code>.<field>} or {@code <code>}; {@code args} fill it in.
 */
public record Violation(String field, String code, List<Object> args) {

    public Violation {
        args = args == null ? List.of() : List.copyOf(args);
    }

    public static Violation of(String field, String code, Object... args) {
        return new Violation(field, code, List.of(args));
    }
}
