package io.hearken.intake.hotline.publishing;

/**
 * The read model (Elasticsearch) could not answer a question a call's fate depends on: whether an id is
 * taken, whether a named complaint exists, whether the caller has an open complaint. The chunk is not published.
 */
class ReadModelUnreachable extends RuntimeException {

    ReadModelUnreachable(String what, RuntimeException cause) {
        super(what + ": " + cause, cause);
    }
}
