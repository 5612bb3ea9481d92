package io.hearken.intake.hotline.parsing;

import io.hearken.intake.hotline.call.Turn;
import io.hearken.intake.hotline.call.Turn.Speaker;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Speaker turns in transcript text: a line starting with {@code 坐席：} / {@code Agent:} or {@code 来电人：} /
 * {@code Caller:} (full- or half-width colon, optionally after a {@code [00:12]} time stamp) opens a turn;
 * the lines after it, up to the next speaker, continue it.
 */
public final class Turns {

    private static final Pattern SPEAKER = Pattern.compile(
            "^\\s*(?:\\[[^\\]]{0,20}\\]\\s*)?(坐席|客服|话务员|agent|operator|来电人|来电者|市民|caller|resident)\\s*[:：]\\s*(.*)$",
            Pattern.CASE_INSENSITIVE);

    private Turns() {
    }

    /** The turns in {@code text}; empty when no line names a speaker. */
    public static List<Turn> parse(String text) {
        List<Turn> turns = new ArrayList<>();
        if (text == null) {
            return turns;
        }
        Speaker speaker = null;
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\\R")) {
            Matcher m = SPEAKER.matcher(line);
            if (m.matches()) {
                add(turns, speaker, current);
                speaker = speakerOf(m.group(1));
                current = new StringBuilder(m.group(2).strip());
            } else if (speaker != null && !line.isBlank()) {
                current.append(current.isEmpty() ? "" : "\n").append(line.strip());
            }
        }
        add(turns, speaker, current);
        return turns;
    }

    public static boolean isTurn(String line) {
        return SPEAKER.matcher(line).matches();
    }

    private static void add(List<Turn> turns, Speaker speaker, StringBuilder text) {
        if (speaker != null && !text.toString().isBlank()) {
            turns.add(new Turn(speaker, text.toString().strip()));
        }
    }

    static Speaker speakerOf(String label) {
        return switch (label.toLowerCase(Locale.ROOT)) {
            case "坐席", "客服", "话务员", "agent", "operator" -> Speaker.AGENT;
            default -> Speaker.CALLER;
        };
    }
}
