package io.hearken.events.i18n;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.TreeMap;
import org.springframework.context.MessageSource;

/**
 * Every text under one key prefix in one language, as a map (keys without the prefix): for a page's script,
 * which cannot call the message source. The keys come from the bundle file, the texts from the message source.
 */
public final class MessageTexts {

    private MessageTexts() {
    }

    public static Map<String, String> under(MessageSource messages, String basename, String prefix, Locale locale) {
        ResourceBundle bundle = ResourceBundle.getBundle(basename, Locale.ROOT, MessageTexts.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        Map<String, String> texts = new TreeMap<>();
        for (String key : bundle.keySet()) {
            if (key.startsWith(prefix)) {
                texts.put(key.substring(prefix.length()), messages.getMessage(key, null, key, locale));
            }
        }
        return Collections.unmodifiableMap(texts);
    }
}
