package io.hearken.intake.hotline.parsing;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A plain-text transcript: a header block of {@code key: value} lines (the CSV column names or their
 * Chinese labels, e.g. {@code 通话编号：}), then, after a blank line or with the first speaker line, the
 * speaker turns. Several calls may share a file, separated by a line of {@code ---}.
 */
final class TextTranscripts {

    private static final Pattern SEPARATOR = Pattern.compile("^\\s*-{3,}\\s*$");

    private TextTranscripts() {
    }

    static void read(String text, ZoneId zone, Results out) {
        String[] lines = text.split("\\R", -1);
        int start = 0;
        for (int i = 0; i <= lines.length; i++) {
            if (i == lines.length || SEPARATOR.matcher(lines[i]).matches()) {
                call(lines, start, i, zone, out);
                start = i + 1;
            }
        }
    }

    /**
     * A header line {@code key: value} (half- or full-width colon, a key of at most 40 characters) as {key, value},
     * or null. Not a regular expression: the one this replaces backtracked over leading white space in time
     * quadratic in the line's length (4,000 spaces and a letter took 9 s, a file's worth of them hung the reader).
     */
    private static String[] header(String line) {
        int colon = -1;
        for (int i = 0; i < line.length() && colon < 0; i++) {
            char c = line.charAt(i);
            if (c == ':' || c == '：') {
                colon = i;
            }
        }
        if (colon < 0) {
            return null;
        }
        String key = line.substring(0, colon).strip();
        return key.isEmpty() || key.length() > 40 ? null : new String[] {key, line.substring(colon + 1).strip()};
    }

    private static void call(String[] lines, int from, int to, ZoneId zone, Results out) {
        int first = from;
        while (first < to && lines[first].isBlank()) {
            first++;
        }
        if (first == to) {
            return; // an empty block (e.g. after a trailing separator)
        }
        Map<String, String> values = new HashMap<>();
        int i = first;
        for (; i < to && !lines[i].isBlank() && !Turns.isTurn(lines[i]); i++) {
            String[] header = header(lines[i]);
            if (header != null) {
                CallFields.canonical(header[0]).ifPresent(name -> values.put(name, header[1]));
            }
        }
        List<String> body = new ArrayList<>();
        for (; i < to; i++) {
            body.add(lines[i]);
        }
        String transcript = String.join("\n", body).strip();
        if (!transcript.isEmpty()) {
            values.putIfAbsent(CallFields.TRANSCRIPT, transcript);
        }
        if (values.get(CallFields.CALL_ID) == null) {
            out.problem(first + 1, null, "头部缺少 call_id（通话编号） / the header block has no call_id line");
            return;
        }
        try {
            out.call(CallFields.toCall(first + 1, values, null, zone, out.limits));
        } catch (IllegalArgumentException e) {
            out.problem(first + 1, values.get(CallFields.CALL_ID), e.getMessage());
        }
    }
}
