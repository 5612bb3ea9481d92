package io.hearken.events.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Chinese first: English only when asked for or preferred, never the server's language by default. */
class LanguagesTest {

    @Test
    void withoutAPreferenceItIsChinese() {
        assertThat(Languages.fromAcceptLanguage(null)).isEqualTo(Languages.ZH);
        assertThat(Languages.fromAcceptLanguage(" ")).isEqualTo(Languages.ZH);
        assertThat(Languages.fromAcceptLanguage("fr-FR,fr;q=0.9")).isEqualTo(Languages.ZH);
        assertThat(Languages.fromAcceptLanguage("-")).isEqualTo(Languages.ZH);
        assertThat(Languages.fromAcceptLanguage("zh-TW")).isEqualTo(Languages.ZH);
        assertThat(Languages.parse(null)).isEqualTo(Languages.ZH);
    }

    @Test
    void englishWhenPreferredToChinese() {
        assertThat(Languages.fromAcceptLanguage("en-GB,en;q=0.9")).isEqualTo(Languages.EN);
        assertThat(Languages.fromAcceptLanguage("de,en;q=0.5")).isEqualTo(Languages.EN);
        assertThat(Languages.fromAcceptLanguage("en;q=0.5,zh-CN;q=0.9")).isEqualTo(Languages.ZH);
        assertThat(Languages.parse(" EN-us")).isEqualTo(Languages.EN);
        assertThat(Languages.tag(Languages.EN)).isEqualTo("en");
        assertThat(Languages.tag(Languages.ZH)).isEqualTo("zh-CN");
    }
}
