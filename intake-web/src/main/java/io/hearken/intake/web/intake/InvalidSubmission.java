package io.hearken.intake.web.intake;

import java.util.List;

/** The submission has field problems; nothing was published. */
public class InvalidSubmission extends RuntimeException {

    private final List<Violation> violations;

    public InvalidSubmission(List<Violation> violations) {
        super("invalid submission: " + violations);
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
