package io.hearken.router.engine;

import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;

/**
 * What a failed stream thread means. Anything else gets a fresh thread; a refusal by the broker (wrong credentials,
 * or no right on a topic or the group) will fail every fresh thread the same way, and replacing threads for ever kept
 * the router "rebalancing" and its health UP while nothing was routed. So a refusal stops the streams (health DOWN,
 * with the broker's words) until an operator fixes the setting and restarts.
 */
final class StreamFailures {

    private StreamFailures() {
    }

    static StreamThreadExceptionResponse responseTo(Throwable failure) {
        return refusal(failure) == null ? StreamThreadExceptionResponse.REPLACE_THREAD
                : StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
    }

    /** The broker's refusal in the cause chain, or null. */
    static Throwable refusal(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof AuthenticationException || t instanceof AuthorizationException) {
                return t;
            }
        }
        return null;
    }
}
