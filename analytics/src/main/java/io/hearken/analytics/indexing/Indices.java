package io.hearken.analytics.indexing;

/** Index names. Readers and Kibana use the alias; the versioned index behind it can be rebuilt. */
public final class Indices {

    public static final String COMPLAINTS = "complaints";
    public static final String COMPLAINTS_V1 = "complaints-v1";

    private Indices() {
    }
}
