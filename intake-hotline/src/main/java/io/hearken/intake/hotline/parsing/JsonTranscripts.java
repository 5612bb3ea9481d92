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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON: one call object, or an array of them. Keys as in the CSV header ({@code call_id}, ...; camelCase
 * also accepted), plus an optional {@code turns} array of {@code {"speaker": "agent"|"caller", "text": ...}}.
 * The array is read element by element so that a bad element, or the end of a truncated file, is reported
 * with its line while the complete elements before it still count.
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
                element(MAPPER.readTree(parser), line, zone, out);
            } else if (token == JsonToken.START_ARRAY) {
                while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                    if (token == null) {
                        out.problem(line, null, "JSON 数组未结束（文件截断？） / the JSON array never ends (truncated file?)");
                        return;
                    }
                    line = parser.currentTokenLocation().getLineNr();
                    element(MAPPER.readTree(parser), line, zone, out);
                }
            } else {
                out.problem(1, null, "应为一个通话对象或通话数组 / expected one call object or an array of calls");
            }
        } catch (JacksonException e) {
            int at = e.getLocation() == null ? line : e.getLocation().getLineNr();
            out.problem(at, null, "JSON 无效（文件截断？） / invalid JSON (truncated file?): " + e.getOriginalMessage());
        }
    }

    private static void element(JsonNode node, int line, ZoneId zone, Results out) {
        if (node == null || !node.isObject()) {
            out.problem(line, null, "应为通话对象 / expected a call object");
            return;
        }
        Map<String, String> values = new HashMap<>();
        List<Turn> turns = new ArrayList<>();
        String callId = null;
        try {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                if (field.getKey().equalsIgnoreCase("turns") && field.getValue().isArray()) {
                    for (JsonNode turn : field.getValue()) {
                        turns.add(turn(turn));
                    }
                    continue;
                }
                JsonNode value = field.getValue();
                if (value.isNull()) {
                    continue;
                }
                String name = CallFields.canonical(field.getKey()).orElse(null);
                if (name != null) {
                    values.put(name, value.isValueNode() ? value.asString() : value.toString());
                }
            }
            callId = values.get(CallFields.CALL_ID);
            out.call(CallFields.toCall(line, values, turns, zone));
        } catch (IllegalArgumentException e) {
            out.problem(line, callId, e.getMessage());
        }
    }

    private static Turn turn(JsonNode node) {
        String speaker = node.path("speaker").asString("");
        String text = node.path("text").asString("");
        if (speaker.isBlank() || !Turns.isTurn(speaker + "：x")) {
            throw new IllegalArgumentException("turns[].speaker 应为 agent 或 caller（坐席 / 来电人） / turns[].speaker must be "
                    + "agent or caller: " + speaker);
        }
        return new Turn(Turns.speakerOf(speaker.strip()), text.strip());
    }
}
