package io.hearken.intake.email.intake;

/** Kafka or Elasticsearch cannot be reached now: leave the mail where it is and try again later. */
public class TemporaryFailure extends RuntimeException {

    public TemporaryFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
