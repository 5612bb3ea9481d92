package io.hearken.intake.hotline.folder;

import java.nio.file.Path;

/**
 * The one-line summary of one file, also logged. {@code rejected} counts the calls not taken (bad lines and calls
 * quarantined because Kafka can never take them); {@code waitingFor} says why a file stays in the inbox.
 */
public record FileReport(String file, Result result, int calls, int complaints, int followUps, int duplicates,
        int rejected, Path movedTo, long millis, String waitingFor) {

    public enum Result { PROCESSED, REJECTED, RETRY_LATER }

    @Override
    public String toString() {
        return "Hotline file " + file + ": " + result.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                + (waitingFor == null ? "" : " (" + waitingFor + ")")
                + ", " + calls + " calls read, " + complaints + " new complaints, " + followUps + " follow-ups, "
                + duplicates + " already done, " + rejected + " rejected, in " + millis + " ms"
                + (movedTo == null ? "" : " -> " + movedTo);
    }
}
