package io.hearken.intake.hotline.publishing;

import java.util.List;

/**
 * A chunk could not be published now: Kafka did not acknowledge in time, or ({@link #readModel()}) the read model
 * could not be asked what the calls' fate depends on. Both pass; the input is to be tried again later.
 * {@code done} lists what was settled before (published and recorded, or rejected for good).
 */
public class PublishFailed extends Exception {

    private final transient List<CallOutcome> done;
    private final boolean readModel;

    PublishFailed(String message, Throwable cause, List<CallOutcome> done) {
        this(message, cause, done, false);
    }

    PublishFailed(String message, Throwable cause, List<CallOutcome> done, boolean readModel) {
        super(message, cause);
        this.done = List.copyOf(done);
        this.readModel = readModel;
    }

    public List<CallOutcome> done() {
        return done;
    }

    /** The read model (Elasticsearch), not Kafka, is what must come back. */
    public boolean readModel() {
        return readModel;
    }

    /** What the input waits for, for logs and health. */
    public String waitingFor() {
        return readModel ? "Elasticsearch (read model) unreachable" : "Kafka did not acknowledge";
    }
}
