package io.hearken.analytics.dashboard;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Tiny builders for Elasticsearch query bodies: maps and lists that Jackson writes as JSON. */
final class Json {

    private Json() {
    }

    static Map<String, Object> obj(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    static List<Object> list(Object... items) {
        return new ArrayList<>(Arrays.asList(items));
    }

    static Map<String, Object> term(String field, Object value) {
        return obj("term", obj(field, value));
    }

    static Map<String, Object> terms(String field, int size) {
        return obj("terms", obj("field", field, "size", size));
    }

    static Map<String, Object> avg(String field) {
        return obj("avg", obj("field", field));
    }
}
