package io.hearken.intake.hotline.parsing;

import io.hearken.intake.hotline.call.Turn;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON: one call object, or an array of them. Keys as in the CSV header ({@code call_id}, ...; camelCase
 * also accepted), plus an optional {@code turns} array of {@code {"speaker": "agent"|"caller", "text": ...}}.
 * The array is read element by element so that a bad element, or the end of a truncated file, is reported
 * with its line while the complete elements before it still count. An element is read as a stream of tokens,
 * not a tree: a call with millions of turns keeps no more of them than the limits allow, the rest is skipped.
 */
final class JsonTranscripts {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS) // the array's elements are read one by one
            .build();

    private JsonTranscripts() {
    }

    static void read(String text, ZoneId zone, Results out) {
        int line = 1;
        try (JsonParser parser = MAPPER.createParser(text)) {
            JsonToken token = parser.nextToken();
            if (token == JsonToken.START_OBJECT) {
                line = parser.currentTokenLocation().getLineNr();
                element(parser, line, zone, out);
            } else if (token == JsonToken.START_ARRAY) {
                while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                    if (token == null) {
                        out.problem(line, null, "JSON 数组未结束（文件截断？） / the JSON array never ends (truncated file?)");
                        return;
                    }
                    line = parser.currentTokenLocation().getLineNr();
                    element(parser, line, zone, out);
                }
            } else {
                out.problem(1, null, "应为一个通话对象或通话数组 / expected one call object or an array of calls");
            }
        } catch (JacksonException e) {
            int at = e.getLocation() == null ? line : e.getLocation().getLineNr();
            out.problem(at, null, "JSON 无效（文件截断？） / invalid JSON (truncated file?): " + e.getOriginalMessage());
        }
    }

    /**
     * One call object, read token by token (no tree): only the fields a call has are kept, and of its turns no
     * more than the limits allow; the rest of an oversized call is skipped unread, so the next call still counts.
     */
    private static void element(JsonParser parser, int line, ZoneId zone, Results out) {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            parser.skipChildren();
            out.problem(line, null, "应为通话对象 / expected a call object");
            return;
        }
        Map<String, String> values = new HashMap<>();
        List<Turn> turns = new ArrayList<>();
        String problem = null;
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String key = parser.currentName();
            JsonToken value = parser.nextToken();
            if (key.equalsIgnoreCase("turns") && value == JsonToken.START_ARRAY) {
                String turnsProblem = turns(parser, turns, out.limits);
                problem = problem != null ? problem : turnsProblem;
                continue;
            }
            String name = CallFields.canonical(key).orElse(null);
            if (value.isStructStart()) {
                parser.skipChildren();
                if (name != null && problem == null) {
                    problem = key + " 应为文本 / " + key + " must be a text, not an " + (value == JsonToken.START_OBJECT
                            ? "object" : "array");
                }
            } else if (name != null && value != JsonToken.VALUE_NULL) {
                values.put(name, parser.getString()); // an unknown key's value is skipped unread
            }
        }
        String callId = values.get(CallFields.CALL_ID);
        if (problem != null) {
            out.problem(line, callId, problem);
            return;
        }
        try {
            out.call(CallFields.toCall(line, values, turns, zone, out.limits));
        } catch (IllegalArgumentException e) {
            out.problem(line, callId, e.getMessage());
        }
    }

    /** Reads a {@code turns} array into {@code turns}; past a limit or a bad turn, skips the rest and says why. */
    private static String turns(JsonParser parser, List<Turn> turns, Limits limits) {
        String problem = null;
        long chars = 0;
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY && token != null) {
            if (problem != null) {
                parser.skipChildren();
                continue;
            }
            if (turns.size() >= limits.maxTurns()) {
                problem = limits.tooManyTurns();
                parser.skipChildren();
                continue;
            }
            try {
                Turn turn = turn(parser);
                chars += turn.text().length();
                if (chars > limits.maxTextChars()) {
                    problem = limits.textTooLong();
                } else {
                    turns.add(turn);
                }
            } catch (IllegalArgumentException e) {
                problem = e.getMessage();
            }
        }
        return problem;
    }

    /** One turn object, read to its end before it is judged. */
    private static Turn turn(JsonParser parser) {
        String speaker = "";
        String text = "";
        if (parser.currentToken() == JsonToken.START_OBJECT) {
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String key = parser.currentName();
                JsonToken value = parser.nextToken();
                if (value.isStructStart()) {
                    parser.skipChildren();
                } else if (value != JsonToken.VALUE_NULL && ("speaker".equals(key) || "text".equals(key))) {
                    if ("speaker".equals(key)) {
                        speaker = parser.getString();
                    } else {
                        text = parser.getString();
                    }
                }
            }
        } else {
            parser.skipChildren();
        }
        if (speaker.isBlank() || !Turns.isTurn(speaker + "：x")) {
            throw new IllegalArgumentException("turns[].speaker 应为 agent 或 caller（坐席 / 来电人） / turns[].speaker must be "
                    + "agent or caller: " + speaker);
        }
        return new Turn(Turns.speakerOf(speaker.strip()), text.strip());
    }
}
