package io.hearken.topology;

/**
 * One complaint a fault run offered: {@code marker} is in its text and nowhere else (so a doubled complaint is two
 * documents with it), {@code resident} the address that must get exactly one acknowledgement ({@code null} for a
 * hotline caller, who has none), {@code id} the tracking id the web service answered (else {@code null}).
 */
record Offered(String marker, String channel, String resident, String id) {

    /** {@code run-kz}: the {@code z} ends it, so {@code run-1z} is not found inside {@code run-17z}. */
    static String marker(String run, int k) {
        return run + "-" + k + "z";
    }

    Offered withId(String tracked) {
        return new Offered(marker, channel, resident, tracked);
    }
}
