package io.hearken.router.streams;

/** Why the routing logic refused an input for good; the message is the dead letter's reason. */
final class RejectedByRouter extends RuntimeException {

    RejectedByRouter(String reason) {
        super(reason, null, false, false); // a decision, not a failure: no stack trace to write
    }
}
