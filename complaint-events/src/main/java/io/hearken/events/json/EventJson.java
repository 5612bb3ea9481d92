package io.hearken.events.json;

import io.hearken.events.ComplaintEvent;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON mapping of the events: ISO-8601 instants, unknown fields and unknown types tolerated, and an enum value
 * added later read as the enum's default where it names one ({@code @JsonEnumDefaultValue}), for rolling upgrades.
 */
public final class EventJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(EnumFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE)
            .build();

    private EventJson() {
    }

    public static JsonMapper mapper() {
        return MAPPER;
    }

    public static String write(ComplaintEvent event) {
        return MAPPER.writeValueAsString(event);
    }

    public static ComplaintEvent read(String json) {
        return MAPPER.readValue(json, ComplaintEvent.class);
    }
}
