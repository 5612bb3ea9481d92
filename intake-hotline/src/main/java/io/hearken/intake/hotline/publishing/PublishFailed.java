package io.hearken.intake.hotline.publishing;

import java.util.List;

/** Kafka did not acknowledge a chunk in time; {@code done} lists what was published (and recorded) before. */
public class PublishFailed extends Exception {

    private final transient List<CallOutcome> done;

    PublishFailed(String message, Throwable cause, List<CallOutcome> done) {
        super(message, cause);
        this.done = List.copyOf(done);
    }

    public List<CallOutcome> done() {
        return done;
    }
}
