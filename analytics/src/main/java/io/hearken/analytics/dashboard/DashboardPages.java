package io.hearken.analytics.dashboard;

import io.hearken.analytics.AnalyticsProperties;
import io.hearken.events.Departments;
import io.hearken.events.Taxonomy;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The built-in dashboard (charts drawn in the browser from {@code /api/v1/analytics/dashboard}) and the printable monthly summary. */
@Controller("analyticsDashboardPages")
class DashboardPages {

    static final String CHART_JS = "/webjars/chart.js/4.4.1/dist/chart.umd.js";

    private final MonthlySummary monthly;
    private final AnalyticsProperties properties;

    DashboardPages(MonthlySummary monthly, AnalyticsProperties properties) {
        this.monthly = monthly;
        this.properties = properties;
    }

    @GetMapping("/dashboard")
    String dashboard(HttpServletRequest request, @RequestParam(required = false) String lang,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String category, @RequestParam(required = false) String department,
            @RequestParam(required = false) String channel, @RequestParam(required = false) String building,
            Model model) {
        Locale locale = AnalyticsMessages.locale(request, lang);
        LocalDate end = date(to, LocalDate.now(properties.zone()));
        LocalDate start = date(from, end.minusDays(AnalyticsFilter.DEFAULT_DAYS - 1));
        common(model, locale);
        model.addAttribute("from", start);
        model.addAttribute("to", end);
        model.addAttribute("category", category);
        model.addAttribute("department", department);
        model.addAttribute("channel", channel);
        model.addAttribute("building", building);
        model.addAttribute("month", YearMonth.now(properties.zone()));
        model.addAttribute("chartJs", CHART_JS);
        return "analytics/dashboard";
    }

    @GetMapping("/dashboard/monthly")
    String monthly(HttpServletRequest request, @RequestParam(required = false) String lang,
            @RequestParam(required = false) String month, Model model) {
        Locale locale = AnalyticsMessages.locale(request, lang);
        YearMonth m;
        try {
            m = month == null || month.isBlank() ? YearMonth.now(properties.zone()) : YearMonth.parse(month.strip());
        } catch (DateTimeParseException e) {
            m = YearMonth.now(properties.zone());
            model.addAttribute("error", AnalyticsMessages.of(locale).get("monthly.badMonth"));
        }
        common(model, locale);
        model.addAttribute("report", monthly.report(m, properties.zone()));
        model.addAttribute("sections", List.of("total", "category", "department", "building"));
        return "analytics/monthly";
    }

    private void common(Model model, Locale locale) {
        model.addAttribute("m", AnalyticsMessages.of(locale));
        model.addAttribute("lang", locale.getLanguage());
        model.addAttribute("categories", Taxonomy.DEFAULT);
        model.addAttribute("departments", List.of(Departments.MAINTENANCE, Departments.CLEANING,
                Departments.SECURITY, Departments.BILLING, Departments.CUSTOMER_SERVICE, Departments.TRIAGE,
                Departments.MANAGEMENT));
        model.addAttribute("channels", List.of("EMAIL", "WEB", "OPEN311", "HOTLINE"));
    }

    private static LocalDate date(String value, LocalDate fallback) {
        try {
            return value == null || value.isBlank() ? fallback : LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            return fallback;
        }
    }
}
