package io.hearken.desk.console;

import io.hearken.desk.DeskProperties;
import io.hearken.desk.i18n.DeskMessages;
import io.hearken.events.ComplaintStatus;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.json.JsonMapper;

/** The texts the console's script needs, as JSON for a {@code data-labels} attribute (escaped by Thymeleaf). */
final class ConsoleLabels {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final DeskMessages messages;
    private final DeskProperties properties;
    private final Map<Locale, String> cache = new ConcurrentHashMap<>();

    ConsoleLabels(DeskMessages messages, DeskProperties properties) {
        this.messages = messages;
        this.properties = properties;
    }

    String json(Locale locale) {
        return cache.computeIfAbsent(locale, this::build);
    }

    private String build(Locale locale) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (ComplaintStatus status : ComplaintStatus.values()) {
            put(labels, "status." + status.name(), locale);
        }
        for (String department : properties.departments()) {
            put(labels, "dept." + department, locale);
        }
        for (String key : new String[] {"queue.escalated", "sla.paused", "detail.public", "detail.internal"}) {
            put(labels, key, locale);
        }
        labels.put("queue.count", messages.get("queue.count", locale, "{0}"));
        return JSON.writeValueAsString(labels);
    }

    private void put(Map<String, String> labels, String key, Locale locale) {
        String text = messages.get(key, locale);
        if (!text.equals(key)) {
            labels.put(key, text);
        }
    }
}
