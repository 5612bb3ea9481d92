package io.hearken.intake.hotline.parsing;

import io.hearken.intake.hotline.call.Call;
import io.hearken.intake.hotline.call.Turn;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The field names of every format (CSV header, JSON keys, text header block): the documented snake_case
 * names, their camelCase forms, and the Chinese labels of common call-centre exports. Builds a {@link Call}
 * from the values, converting times and durations.
 */
final class CallFields {

    static final String CALL_ID = "call_id";
    static final String START_TIME = "start_time";
    static final String DURATION = "duration_s";
    static final String CALLER = "caller_number";
    static final String CALLBACK = "callback_number";
    static final String AGENT = "agent_id";
    static final String CATEGORY = "category";
    static final String LOCATION = "location";
    static final String SUMMARY = "summary";
    static final String TRANSCRIPT = "transcript";

    private static final Map<String, String> ALIASES = new HashMap<>();

    static {
        alias(CALL_ID, "callid", "call_no", "通话编号", "通话id", "通话流水号", "流水号");
        alias(START_TIME, "starttime", "start", "time", "开始时间", "来电时间", "通话时间");
        alias(DURATION, "duration", "durations", "duration_seconds", "通话时长", "时长", "通话时长(秒)", "时长(秒)");
        alias(CALLER, "callernumber", "caller", "phone", "ani", "来电号码", "主叫号码", "来电人电话");
        alias(CALLBACK, "callbacknumber", "callback", "回拨号码", "联系电话", "回访电话");
        alias(AGENT, "agentid", "agent", "坐席工号", "坐席", "工号", "坐席编号");
        alias(CATEGORY, "分类", "类别", "工单分类", "问题分类");
        alias(LOCATION, "place", "address", "地点", "位置", "地址");
        alias(SUMMARY, "agent_summary", "坐席摘要", "摘要", "小结", "通话小结");
        alias(TRANSCRIPT, "text", "通话内容", "转写", "录音转写", "对话");
    }

    private static final List<DateTimeFormatter> LOCAL_TIMES = List.of(
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss]"),
            DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm[:ss]"),
            DateTimeFormatter.ofPattern("yyyy/M/d H:mm[:ss]"),
            DateTimeFormatter.ISO_LOCAL_DATE_TIME);

    private CallFields() {
    }

    private static void alias(String canonical, String... others) {
        ALIASES.put(canonical, canonical);
        for (String o : others) {
            ALIASES.put(o, canonical);
        }
    }

    /** The canonical name of a header / key, if it is one we know. */
    static Optional<String> canonical(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String n = name.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
        String hit = ALIASES.get(n);
        if (hit == null) {
            hit = ALIASES.get(n.replace("_", ""));
        }
        return Optional.ofNullable(hit);
    }

    /**
     * A call from canonical field values; turns, if not given, are read from the transcript text (only once its
     * length is known to be within the limits, so a huge transcript never becomes millions of turns).
     */
    static Call toCall(int line, Map<String, String> values, List<Turn> turns, ZoneId zone, Limits limits) {
        String transcript = value(values, TRANSCRIPT);
        limits.checkText(transcript == null ? 0 : transcript.length());
        List<Turn> allTurns = turns != null && !turns.isEmpty() ? turns : Turns.parse(transcript);
        limits.checkTurns(allTurns.size());
        return new Call(line, value(values, CALL_ID), startTime(value(values, START_TIME), zone),
                duration(value(values, DURATION)), value(values, CALLER), value(values, CALLBACK),
                value(values, AGENT), value(values, CATEGORY), value(values, LOCATION), value(values, SUMMARY),
                allTurns, transcript);
    }

    private static String value(Map<String, String> values, String key) {
        String v = values.get(key);
        return v == null || v.isBlank() ? null : v.strip();
    }

    static Instant startTime(String text, ZoneId zone) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeException notWithOffset) {
            // try local forms below
        }
        for (DateTimeFormatter f : LOCAL_TIMES) {
            try {
                return LocalDateTime.parse(text, f).atZone(zone).toInstant();
            } catch (DateTimeException next) {
                // next pattern
            }
        }
        throw new IllegalArgumentException("start_time 无法识别：" + text
                + "（应为 2026-11-23 09:15:02 或 ISO-8601） / start_time not understood: " + text
                + " (expected 2026-11-23 09:15:02 or ISO-8601)");
    }

    /** Seconds, or {@code mm:ss} / {@code hh:mm:ss}. */
    static Integer duration(String text) {
        if (text == null) {
            return null;
        }
        try {
            if (text.contains(":")) {
                int seconds = 0;
                for (String part : text.split(":")) {
                    seconds = seconds * 60 + Integer.parseInt(part.strip());
                }
                return seconds;
            }
            return (int) Math.round(Double.parseDouble(text));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("duration_s 不是秒数：" + text + " / duration_s is not a number of seconds: " + text);
        }
    }
}
