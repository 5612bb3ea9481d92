package io.hearken.intake.hotline.parsing;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A plain-text transcript: a header block of {@code key: value} lines (the CSV column names or their
 * Chinese labels, e.g. {@code 通话编号：}), then, after a blank line or with the first speaker line, the
 * speaker turns. Several calls may share a file, separated by a line of {@code ---}.
 */
final class TextTranscripts {

    private static final Pattern HEADER = Pattern.compile("^\\s*([^:：]{1,40}?)\\s*[:：]\\s*(.*)$");
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
            Matcher m = HEADER.matcher(lines[i]);
            if (m.matches()) {
                CallFields.canonical(m.group(1)).ifPresent(name -> values.put(name, m.group(2).strip()));
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
