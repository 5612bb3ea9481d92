package io.hearken.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearken.events.i18n.MessageBasenames;
import io.hearken.events.i18n.MessagesAutoConfiguration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.context.MessageSource;

/**
 * In the all-in-one every module's bundle is in one message source, so a key two modules define with different
 * texts would show one module's text on the other's page: such a key must be prefixed ({@code web.…}).
 */
class MessageBundlesTest {

    static final List<Locale> LANGUAGES = List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH);

    final List<String> basenames = MessageBasenames.declared(getClass().getClassLoader());

    @Test
    void everyModuleDeclaresItsBundle() {
        assertThat(basenames).contains("i18n/desk", "i18n/web", "i18n/analytics", "i18n/notifier", "i18n/errors");
    }

    @Test
    void noKeyIsDefinedTwiceWithDifferentTexts() {
        List<String> clashes = new ArrayList<>();
        for (Locale language : LANGUAGES) {
            Map<String, String> seen = new TreeMap<>();
            Map<String, String> owner = new TreeMap<>();
            for (String basename : basenames) {
                ResourceBundle bundle = ResourceBundle.getBundle(basename, language, getClass().getClassLoader(),
                        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
                for (String key : bundle.keySet()) {
                    String text = bundle.getString(key);
                    String before = seen.putIfAbsent(key, text);
                    if (before != null && !before.equals(text)) {
                        clashes.add(language + " " + key + ": " + owner.get(key) + " \"" + before + "\" vs "
                                + basename + " \"" + text + "\"");
                    }
                    owner.putIfAbsent(key, basename);
                }
            }
        }
        assertThat(clashes).isEmpty();
    }

    @Test
    void theSharedSourceSpeaksForEveryModuleInBothLanguages() {
        MessageSource messages = MessagesAutoConfiguration.of(basenames);
        assertThat(messages.getMessage("web.site.title", null, Locale.SIMPLIFIED_CHINESE)).isEqualTo("物业投诉与报修");
        assertThat(messages.getMessage("web.site.title", null, Locale.ENGLISH)).isEqualTo("Property complaints and repairs");
        assertThat(messages.getMessage("analytics.title", null, Locale.ENGLISH)).isEqualTo("Complaints dashboard");
        assertThat(messages.getMessage("app.name", null, Locale.SIMPLIFIED_CHINESE)).isEqualTo("Hearken 受理台");
        assertThat(messages.getMessage("app.name", null, Locale.ENGLISH)).isEqualTo("Hearken desk");
        assertThat(messages.getMessage("department.maintenance", null, Locale.SIMPLIFIED_CHINESE)).isEqualTo("维修部");
        assertThat(messages.getMessage("errors.404.title", null, Locale.ENGLISH)).isEqualTo("Page not found");
        assertThat(messages.getMessage("errors.404.title", null, Locale.forLanguageTag("zh-CN"))).isEqualTo("页面不存在");
    }
}
