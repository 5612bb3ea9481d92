package io.hearken.events.privacy;

/**
 * A deployable's part of an erasure beyond Kafka: delete what it keeps elsewhere (stored mail, transcript archives,
 * attachment files, the sent-mail journal). Declare one as a bean; {@link ErasureFeed} hands it every
 * {@link ResidentErased} on {@code privacy.erasures} once, in order, retrying a failed one. Must be idempotent: an
 * erasure may be handed over again after a restart.
 */
public interface ErasureHandler {

    void on(ResidentErased erased);

    /**
     * What this handler cleans, e.g. its folders' absolute paths or its mail account: handlers cleaning the same
     * thing share the work of one consumer group; a handler cleaning something else (another instance's own disk,
     * another test's folder) reads every erasure itself. The host name is added by {@link ErasureFeed}.
     */
    default String scope() {
        return "";
    }
}
