package io.hearken.analytics.dashboard;

import io.hearken.analytics.AnalyticsProperties;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.Authentication;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The dashboard's JSON, the search, the monthly summary (also as CSV) and the training set, for supervisors and managers
 * (staff-access); each sees their own departments' complaints only, a manager all ({@link DepartmentScope}).
 */
@RestController("analyticsApi")
@RequestMapping("/api/v1/analytics")
class AnalyticsApi {

    static final String UNAVAILABLE = "The analytics store (Elasticsearch) cannot be reached just now; please try again"
            + " shortly / 暂时无法连接分析数据库（Elasticsearch），请稍后再试";

    private final DashboardQueries dashboard;
    private final ComplaintSearch search;
    private final MonthlySummary monthly;
    private final AnalyticsProperties properties;
    private final ExportingTrainingSet training;

    AnalyticsApi(DashboardQueries dashboard, ComplaintSearch search, MonthlySummary monthly,
            AnalyticsProperties properties, ExportingTrainingSet training) {
        this.training = training;
        this.dashboard = dashboard;
        this.search = search;
        this.monthly = monthly;
        this.properties = properties;
    }

    @GetMapping("/dashboard")
    Map<String, Object> dashboard(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String category, @RequestParam(required = false) String department,
            @RequestParam(required = false) String channel, @RequestParam(required = false) String building,
            @RequestParam(required = false) String status, Authentication auth) {
        return dashboard.dashboard(AnalyticsFilter.of(from, to, category, department, channel, building, status,
                DepartmentScope.of(auth, department), properties.zone()), properties.zone());
    }

    /** Without dates the search covers everything received in the last ten years. */
    @GetMapping("/search")
    ComplaintSearch.Result search(@RequestParam(defaultValue = "") String q,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String category, @RequestParam(required = false) String department,
            @RequestParam(required = false) String channel, @RequestParam(required = false) String building,
            @RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page,
            Authentication auth) {
        var departments = DepartmentScope.of(auth, department);
        LocalDate end = to != null ? to : LocalDate.now(properties.zone()).plusDays(1);
        LocalDate start = from != null ? from : end.minusYears(10);
        return search.search(q, AnalyticsFilter.of(start, end, category, department, channel, building, status,
                departments, properties.zone()), page, properties.zone());
    }

    @GetMapping("/monthly-summary")
    MonthlySummary.Report monthlySummary(@RequestParam(required = false) String month,
            @RequestParam(required = false) String department, Authentication auth) {
        return monthly.report(month(month), properties.zone(), DepartmentScope.of(auth, department));
    }

    // No "produces": a bad month must still get its JSON error (the body's type is set below).
    @GetMapping("/monthly-summary.csv")
    ResponseEntity<byte[]> monthlySummaryCsv(@RequestParam(required = false) String month,
            @RequestParam(required = false) String department, Authentication auth) {
        YearMonth m = month(month);
        var departments = DepartmentScope.of(auth, department);
        // A BOM so spreadsheet programs open the Chinese keys as UTF-8.
        byte[] body = ("\uFEFF" + MonthlySummary.csv(monthly.report(m, properties.zone(), departments)))
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"hearken-summary-" + m + ".csv\"")
                .body(body);
    }

    /**
     * The corrected history as a training set for {@code router.jar train} (managers only, see {@link DepartmentScope}),
     * streamed page by page; dates are days received, both included.
     */
    @GetMapping("/training-export")
    void trainingExport(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(name = "corrected-only", defaultValue = "false") boolean correctedOnly,
            HttpServletResponse response) throws IOException {
        var cursor = training.open(new ExportingTrainingSet.Options(from, to, correctedOnly, properties.zone()));
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"hearken-training-"
                + LocalDate.now(properties.zone()) + (correctedOnly ? "-corrected" : "") + ".csv\"");
        Writer out = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
        out.write('\uFEFF'); // spreadsheet programs then read the Chinese as UTF-8; router.jar skips it
        cursor.writeTo(out);
        out.flush();
    }

    YearMonth month(String month) {
        if (month == null || month.isBlank()) {
            return YearMonth.now(properties.zone());
        }
        try {
            return YearMonth.parse(month.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("month must look like 2026-11 / 月份格式应为 2026-11: " + month);
        }
    }

    @ExceptionHandler(ElasticsearchQueries.Unavailable.class)
    ResponseEntity<Map<String, String>> unavailable(ElasticsearchQueries.Unavailable e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "10")
                .body(Map.of("error", UNAVAILABLE));
    }

    @ExceptionHandler(DepartmentScope.OtherDepartment.class)
    ProblemDetail otherDepartment(DepartmentScope.OtherDepartment e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
        problem.setTitle("Another department");
        return problem;
    }

    @ExceptionHandler({IllegalArgumentException.class, MethodArgumentTypeMismatchException.class})
    ResponseEntity<Map<String, String>> badRequest(Exception e) {
        String message = e instanceof MethodArgumentTypeMismatchException m
                ? "invalid value for " + m.getName() + " (dates look like 2026-11-23) / 参数 " + m.getName()
                        + " 无效（日期格式如 2026-11-23）"
                : e.getMessage();
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(Map.of("error", message));
    }
}
