package io.hearken.intake.web.form;

import io.hearken.intake.web.WebIntakeProperties;
import io.hearken.intake.web.i18n.WebLocales;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.ui.Model;

/** What every resident page needs: its language (chosen by PageLanguage), the hotline, times. */
final class PageSetup {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final WebIntakeProperties properties;

    PageSetup(WebIntakeProperties properties) {
        this.properties = properties;
    }

    /** The page's language, with the links to the other language in the model (texts: {@code #{web.…}}). */
    Locale page(HttpServletRequest request, HttpServletResponse response, Model model) {
        Locale locale = WebLocales.resolve(request, null); // PageLanguage chose it (and remembered ?lang=)
        model.addAttribute("lang", WebLocales.tag(locale));
        model.addAttribute("otherLang", locale == WebLocales.EN ? "zh-CN" : "en");
        model.addAttribute("hotline", properties.hotline());
        return locale;
    }

    /** Times in the residents' zone, minutes only: what a person reads on a receipt. */
    String time(Instant at) {
        return at == null ? "" : TIME.format(at.atZone(properties.timeZone()));
    }
}
