package io.hearken.intake.web.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearken.events.i18n.MessagesAutoConfiguration;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Every text exists in both languages, and the default bundle is the Chinese one. */
class WebMessagesTest {

    static Properties load(String name) throws Exception {
        Properties p = new Properties();
        try (InputStream in = WebMessagesTest.class.getClassLoader().getResourceAsStream("i18n/" + name)) {
            assertThat(in).as(name).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void chineseAndEnglishHaveTheSameKeys() throws Exception {
        Properties zh = load("web_zh_CN.properties");
        Properties en = load("web_en.properties");
        assertThat(en.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(zh.stringPropertyNames());
        assertThat(load("web.properties")).isEqualTo(zh);
        zh.stringPropertyNames().forEach(k -> assertThat(zh.getProperty(k)).as(k).isNotBlank());
        en.stringPropertyNames().forEach(k -> assertThat(en.getProperty(k)).as(k).isNotBlank());
    }

    @Test
    void messagesAreLookedUpInTheUsersLanguageWithArguments() {
        WebMessages messages = new WebMessages(MessagesAutoConfiguration.of(List.of("i18n/web")));
        assertThat(messages.get("form.unavailable", WebLocales.ZH, "400-800-1234")).contains("400-800-1234")
                .contains("尚未提交");
        assertThat(messages.get("form.unavailable", WebLocales.EN, "400-800-1234"))
                .contains("call our hotline 400-800-1234");
        assertThat(messages.get("department.maintenance", WebLocales.EN)).isEqualTo("Maintenance");
        assertThat(messages.get("department.maintenance", WebLocales.ZH)).isEqualTo("工程维修部");
    }

    @Test
    void chineseIsTheDefaultAndEnglishIsChosenByAcceptLanguage() {
        assertThat(WebLocales.fromAcceptLanguage(null)).isEqualTo(WebLocales.ZH);
        assertThat(WebLocales.fromAcceptLanguage("fr-FR,fr;q=0.9")).isEqualTo(WebLocales.ZH);
        assertThat(WebLocales.fromAcceptLanguage("en-US,en;q=0.9,zh;q=0.5")).isEqualTo(WebLocales.EN);
        assertThat(WebLocales.fromAcceptLanguage("zh-TW,en;q=0.5")).isEqualTo(WebLocales.ZH);
        assertThat(WebLocales.fromAcceptLanguage("not a header;;")).isEqualTo(WebLocales.ZH);
    }

    /** Found by ComplaintInputsFuzzTest: the JDK's range parser throws ArrayIndexOutOfBoundsException for "-". */
    @Test
    void aBareDashRangeInAcceptLanguageFallsBackToChinese() {
        assertThat(WebLocales.fromAcceptLanguage("-")).isEqualTo(WebLocales.ZH);
        assertThat(WebLocales.fromAcceptLanguage("en;q=0.9,-")).isEqualTo(WebLocales.ZH);
    }
}
