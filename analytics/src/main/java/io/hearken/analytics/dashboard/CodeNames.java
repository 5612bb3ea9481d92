package io.hearken.analytics.dashboard;

import io.hearken.events.Taxonomy;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * People's names for the codes the index keeps (category, department, status, channel, customer type, sentiment), in the page's
 * language: the pages show names, the CSV and the API keep the codes. An unknown code is shown as it is.
 */
final class CodeNames {

    private CodeNames() {
    }

    /** {@code kind -> code -> name} from the dashboard's texts ({@link AnalyticsMessages#of}), for the templates and the script. */
    static Map<String, Map<String, String>> of(Map<String, String> messages, Locale locale) {
        boolean english = Locale.ENGLISH.getLanguage().equals(locale.getLanguage());
        Map<String, String> categories = new LinkedHashMap<>();
        Taxonomy.DEFAULT.forEach(c -> categories.put(c.code(), english ? c.en() : c.zh()));
        Map<String, Map<String, String>> names = new LinkedHashMap<>();
        names.put("category", Collections.unmodifiableMap(categories));
        names.put("department", prefixed(messages, "dept."));
        names.put("status", prefixed(messages, "status."));
        names.put("channel", prefixed(messages, "channel."));
        names.put("customerType", prefixed(messages, "customer."));
        names.put("sentiment", prefixed(messages, "sentiment."));
        return Collections.unmodifiableMap(names);
    }

    private static Map<String, String> prefixed(Map<String, String> messages, String prefix) {
        Map<String, String> out = new LinkedHashMap<>();
        messages.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                out.put(k.substring(prefix.length()), v);
            }
        });
        return Collections.unmodifiableMap(out);
    }
}
