package io.hearken.readmodel;

/**
 * Index names: the contract between the writer (the analytics indexer) and every reader. Readers and Kibana use
 * the aliases; the versioned index behind each alias can be rebuilt (create {@code -v2} from the template,
 * reindex by replaying the topics, move the alias).
 */
public final class Indices {

    /** One document per complaint, current state. */
    public static final String COMPLAINTS = "complaints";
    public static final String COMPLAINTS_V1 = "complaints-v1";
    /** Append-only, one document per event, id = event id. */
    public static final String EVENTS = "complaint-events";
    public static final String EVENTS_V1 = "complaint-events-v1";

    private Indices() {
    }
}
