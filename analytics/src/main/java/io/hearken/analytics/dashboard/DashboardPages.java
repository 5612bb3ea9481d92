package io.hearken.analytics.dashboard;

import io.hearken.analytics.AnalyticsProperties;
import io.hearken.events.ComplaintStatus;
import io.hearken.events.Departments;
import io.hearken.events.Taxonomy;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** The built-in dashboard (charts drawn in the browser from {@code /api/v1/analytics/dashboard}) and the printable monthly summary. */
@Controller("analyticsDashboardPages")
class DashboardPages {

    /** Chart.js from its WebJar, at the version on the classpath (so a version bump in the pom needs nothing here). */
    static final String CHART_JS = "/webjars/chart.js/" + webJarVersion("org.webjars.npm", "chart.js", "4.4.1")
            + "/dist/chart.umd.js";

    private final MonthlySummary monthly;
    private final AnalyticsProperties properties;
    private final AnalyticsMessages messages;

    DashboardPages(MonthlySummary monthly, AnalyticsProperties properties, AnalyticsMessages messages) {
        this.monthly = monthly;
        this.properties = properties;
        this.messages = messages;
    }

    @GetMapping("/dashboard")
    String dashboard(HttpServletRequest request, @RequestParam(required = false) String lang,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String category, @RequestParam(required = false) String department,
            @RequestParam(required = false) String channel, @RequestParam(required = false) String building,
            @RequestParam(required = false) String status, Authentication auth, Model model) {
        Locale locale = AnalyticsMessages.locale(request, lang);
        Set<String> scope = scope(auth, department);
        LocalDate end = date(to, LocalDate.now(properties.zone()));
        LocalDate start = date(from, end.minusDays(AnalyticsFilter.DEFAULT_DAYS - 1));
        common(model, locale, scope);
        model.addAttribute("from", start);
        model.addAttribute("to", end);
        model.addAttribute("category", category);
        model.addAttribute("department", department);
        model.addAttribute("channel", channel);
        model.addAttribute("building", building);
        model.addAttribute("status", status);
        model.addAttribute("month", YearMonth.now(properties.zone()));
        model.addAttribute("chartJs", CHART_JS);
        model.addAttribute("manager", auth != null && io.hearken.staff.StaffPerson.of(auth).isManager());
        return "analytics/dashboard";
    }

    @GetMapping("/dashboard/monthly")
    String monthly(HttpServletRequest request, HttpServletResponse response, @RequestParam(required = false) String lang,
            @RequestParam(required = false) String month, Authentication auth, Model model) {
        Locale locale = AnalyticsMessages.locale(request, lang);
        Set<String> scope = scope(auth, null);
        YearMonth m;
        try {
            m = month == null || month.isBlank() ? YearMonth.now(properties.zone()) : YearMonth.parse(month.strip());
        } catch (DateTimeParseException e) {
            m = YearMonth.now(properties.zone());
            model.addAttribute("error", messages.get("monthly.badMonth", locale));
        }
        common(model, locale, scope);
        MonthlySummary.Report report;
        try {
            report = monthly.report(m, properties.zone(), scope);
        } catch (ElasticsearchQueries.Unavailable e) {
            // The page still renders (with the month picker), says why it is empty, and answers 503.
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            model.addAttribute("error", messages.get("error.unavailable", locale));
            report = new MonthlySummary.Report(m, m.minusMonths(1), List.of());
        }
        model.addAttribute("report", report);
        model.addAttribute("sections", List.of("total", "category", "department", "handler", "channel", "building"));
        return "analytics/monthly";
    }

    /** The page for another department than one's own is refused like the API's answer. */
    private static Set<String> scope(Authentication auth, String department) {
        try {
            return DepartmentScope.of(auth, department);
        } catch (DepartmentScope.OtherDepartment e) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, e.getMessage());
        }
    }

    /** {@code scope}: the reader's departments (empty: a manager, who may pick any). */
    private void common(Model model, Locale locale, Set<String> scope) {
        model.addAttribute("m", messages.of(locale)); // for the dashboard's script
        model.addAttribute("lang", locale.getLanguage());
        model.addAttribute("categories", Taxonomy.DEFAULT);
        model.addAttribute("departments", !scope.isEmpty() ? List.copyOf(new java.util.TreeSet<>(scope))
                : List.of(Departments.MAINTENANCE, Departments.CLEANING, Departments.SECURITY, Departments.BILLING,
                        Departments.CUSTOMER_SERVICE, Departments.TRIAGE, Departments.MANAGEMENT));
        model.addAttribute("channels", Arrays.stream(io.hearken.events.Channel.values()).map(Enum::name).toList());
        model.addAttribute("statuses", Arrays.stream(ComplaintStatus.values()).map(Enum::name).toList());
        model.addAttribute("names", CodeNames.of(messages.of(locale), locale));
    }

    static String webJarVersion(String group, String artifact, String fallback) {
        String resource = "META-INF/maven/" + group + "/" + artifact + "/pom.properties";
        try (InputStream in = DashboardPages.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return fallback;
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", fallback);
        } catch (IOException e) {
            return fallback;
        }
    }

    private static LocalDate date(String value, LocalDate fallback) {
        try {
            return value == null || value.isBlank() ? fallback : LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            return fallback;
        }
    }
}
