package io.hearken.router.streams;

import io.hearken.events.ComplaintId;
import io.hearken.router.history.HistoryEntry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The value of an incident member's key ({@code in|<incident>|<time>|<id>}): only what counting the incident needs
 * (when, which building, which resident, whether linked, whether escalated) as one short line read without JSON, so
 * counting a large incident costs a key each, not a JSON parse each. No personal field is in it (the resident is the
 * keyed hash the {@code rh|} keys hold too). A store filled before holds the entry's public part as JSON there:
 * {@link #read} returns null for it and the caller parses it as before.
 * <p>
 * Layout: {@code m|<epoch second>|<nano>|<linked 0/1>|<escalated -/0/1>|<resident hash>|<building>}, the hash and
 * the building empty when null; the building last, so whatever it holds it is read whole (the hash is hex).
 */
final class IncidentMember {

    private static final String MARK = "m|";

    private IncidentMember() {
    }

    static byte[] write(HistoryEntry e) {
        String escalated = e.escalated() == null ? "-" : e.escalated() ? "1" : "0";
        return (MARK + e.at().getEpochSecond() + "|" + e.at().getNano() + "|" + (e.relatedTo() == null ? "0" : "1")
                + "|" + escalated + "|" + orEmpty(e.residentHash()) + "|" + orEmpty(e.building()))
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The member {@code id} of {@code incident} from its value; null when the value is of the layout before (JSON). */
    static HistoryEntry read(ComplaintId id, ComplaintId incident, byte[] value) {
        if (value.length < 2 || value[0] != 'm' || value[1] != '|') {
            return null;
        }
        String s = new String(value, StandardCharsets.UTF_8);
        String[] f = new String[6]; // the mark, second, nano, linked, escalated, resident hash; then the building
        int from = 0;
        for (int i = 0; i < f.length; i++) {
            int bar = s.indexOf('|', from);
            f[i] = s.substring(from, bar);
            from = bar + 1;
        }
        Instant at = Instant.ofEpochSecond(Long.parseLong(f[1]), Long.parseLong(f[2]));
        Boolean escalated = "-".equals(f[4]) ? null : "1".equals(f[4]);
        return new HistoryEntry(id, at, orNull(s.substring(from)), null, orNull(f[5]), null, null,
                "1".equals(f[3]) ? incident : null, escalated);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String orNull(String s) {
        return s.isEmpty() ? null : s;
    }
}
