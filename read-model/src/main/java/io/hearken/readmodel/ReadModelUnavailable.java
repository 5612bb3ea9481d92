package io.hearken.readmodel;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import java.io.IOException;
import java.io.UncheckedIOException;

/** How every read here treats Elasticsearch's answers: a missing index means "nothing indexed yet". */
final class ReadModelUnavailable {

    @FunctionalInterface
    interface Read<T> {
        T run() throws IOException;
    }

    private ReadModelUnavailable() {
    }

    /** Runs the read; a 404 (no index yet) yields {@code whenNoIndex}, no answer an {@link UncheckedIOException}. */
    static <T> T orEmpty(Read<T> read, T whenNoIndex) {
        try {
            return read.run();
        } catch (ElasticsearchException e) {
            if (e.status() == 404) {
                return whenNoIndex;
            }
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException("Elasticsearch unreachable", e);
        }
    }
}
