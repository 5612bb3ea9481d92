package io.hearken.desk.console;

import io.hearken.desk.DeskProperties;
import io.hearken.desk.i18n.DeskMessages;
import io.hearken.events.ComplaintStatus;
import io.hearken.events.ResidentType;
import io.hearken.events.Sentiment;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;

/** The texts the console's script needs, as JSON for a {@code data-labels} attribute (escaped by Thymeleaf). */
final class ConsoleLabels {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern PREFIXED = Pattern.compile("(status|dept|level|event|category|sentiment|customer)\\.");
    /** The types a complaint's history shows (docs/events.md). */
    private static final String[] EVENT_TYPES = {"complaint-routed", "complaint-acknowledged", "progress-noted",
            "information-requested", "complaint-resolved", "complaint-reassigned", "duplicate-linked",
            "complaint-reopened", "complaint-escalated", "sla-warning", "sla-breached", "follow-up-received",
            "feedback-given", "complaint-anonymised", "handler-assigned", "classification-corrected",
            "return-visit-recorded"};
    /** The router's default taxonomy; a deployment's own codes are shown as they are. */
    private static final String[] CATEGORIES = {"facility", "service", "environment", "safety", "fees", "noise",
            "pests", "parking", "other"};

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
        for (String type : EVENT_TYPES) {
            put(labels, "event." + type, locale);
        }
        for (String category : CATEGORIES) {
            put(labels, "category." + category, locale);
        }
        for (Sentiment sentiment : Sentiment.values()) {
            put(labels, "sentiment." + sentiment.name(), locale);
        }
        for (ResidentType type : ResidentType.values()) {
            put(labels, "customer." + type.name(), locale);
        }
        for (String key : new String[] {"queue.escalated", "sla.paused", "sla.overdue", "sla.warning", "detail.public",
                "detail.internal", "console.changed", "console.reload", "console.gone"}) {
            put(labels, key, locale);
        }
        labels.put("queue.count", messages.get("queue.count", locale, "{0}"));
        return JSON.writeValueAsString(labels);
    }

    /** The script's key; the message's own key has the prefix {@code desk.} for the families in {@link #PREFIXED}. */
    private void put(Map<String, String> labels, String key, Locale locale) {
        String messageKey = PREFIXED.matcher(key).lookingAt() ? "desk." + key : key;
        String text = messages.get(messageKey, locale);
        if (!text.equals(messageKey)) {
            labels.put(key, text);
        }
    }
}
