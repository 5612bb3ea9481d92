package io.hearken.intake.web.intake;

/** Kafka did not acknowledge in time: the resident must try again (503); nothing was confirmed. */
public class IntakeUnavailable extends RuntimeException {

    public IntakeUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
