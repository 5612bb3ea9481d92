package io.hearken.intake.web.intake;

/** The idempotency key was used before for a different submission (422). */
public class IdempotencyConflict extends RuntimeException {

    public IdempotencyConflict(String key) {
        super("idempotency key reused with a different request: " + key);
    }
}
