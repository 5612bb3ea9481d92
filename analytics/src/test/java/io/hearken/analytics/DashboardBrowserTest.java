package io.hearken.analytics;

import static io.hearken.analytics.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.hearken.events.ComplaintId;
import io.hearken.events.Departments;
import io.hearken.events.Topics;
import io.hearken.events.browser.HeadlessChromium;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The dashboard in a real headless Chromium: every chart is drawn by Chart.js (served from the WebJar)
 * on a non-blank canvas, the KPIs are filled from Elasticsearch, and the search finds a Chinese complaint.
 * A screenshot is kept in target/dashboard.png.
 */
class DashboardBrowserTest extends AnalyticsIntegrationTest {

    static final List<String> CHARTS = List.of("chart-volume", "chart-channel", "chart-building", "chart-sla",
            "chart-response", "chart-backlog", "chart-repeats", "chart-satisfaction", "chart-escalations", "chart-angry",
            "chart-customer-type");

    @LocalServerPort
    int port;
    HeadlessChromium chromium;
    ChromeDriver browser;

    @BeforeEach
    void startBrowser() throws Exception {
        chromium = HeadlessChromium.start("en");
        browser = chromium.driver();
    }

    @AfterEach
    void stopBrowser() throws Exception {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void theChartsRenderAndTheSearchFindsAComplaint() throws Exception {
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(3));
        ComplaintId a = newId();
        ComplaintId b = newId();
        var ra = received(a, t0, "6号楼", "六号楼地下室漏水很严重");
        var rb = received(b, t0.plusSeconds(30), "8号楼", "保安态度很差");
        // b repeats an earlier complaint at its place, so "top repeat locations" has a bar too.
        var routedB = routed(rb, t0.plusSeconds(31), "service", Departments.CUSTOMER_SERVICE);
        // b's resident is angry, so the angry-complaints chart has its own data (not another test's).
        var c = routedB.classification();
        routedB = new io.hearken.events.ComplaintRouted(routedB.eventId(), b, routedB.at(), rb,
                new io.hearken.events.ComplaintRouted.Classification(c.category(), c.urgency(), c.confidence(),
                        c.needsTriage(), c.reasons(), c.suggestions(), io.hearken.events.Sentiment.ANGRY,
                        io.hearken.events.ResidentType.RESIDENT), routedB.assignment(),
                new io.hearken.events.ComplaintRouted.Links(null, true, List.of(newId())));
        publish(Topics.ROUTED, routed(ra, t0.plusSeconds(1), "facility", Departments.MAINTENANCE), routedB);
        publish(Topics.UPDATES, acknowledged(a, t0.plus(Duration.ofMinutes(15)), Departments.MAINTENANCE),
                resolved(a, t0.plus(Duration.ofHours(1)), Departments.MAINTENANCE, "已修复"),
                escalated(b, t0.plus(Duration.ofHours(2)), Departments.CUSTOMER_SERVICE));
        publish(Topics.INTAKE_WEB, feedback(a, t0.plus(Duration.ofHours(2)), 4));
        awaitComplaint(a, d -> d.satisfaction != null);
        awaitComplaint(b, d -> d.escalations == 1);
        refresh();

        browser.get("http://localhost:" + port + "/dashboard?lang=en");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        // Run alone, analytics has Spring Security's plain sign-in page (behind the proxy, /login is the desk's);
        // afterwards the browser is back on the page it asked for, known by the sign-in cookie.
        wait.withMessage(() -> "sign-in page expected, at " + browser.getCurrentUrl() + ": "
                + browser.getPageSource().substring(0, Math.min(600, browser.getPageSource().length())))
                .until(d -> d.getCurrentUrl().contains("/login")); // via /login?next=…, which remembers the page
        browser.findElement(By.id("username")).sendKeys("liu.yang");
        browser.findElement(By.id("password")).sendKeys("demo");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(d -> d.getCurrentUrl().endsWith("/dashboard?lang=en"));
        assertThat(browser.manage().getCookieNamed("HEARKEN_STAFF")).isNotNull();
        wait.until(d -> ((JavascriptExecutor) d).executeScript("return document.body.dataset.chartsReady") != null);
        assertThat(js("return document.body.dataset.chartsReady")).isEqualTo("true");
        assertThat(browser.getTitle()).contains("Complaints dashboard");
        assertThat(Long.parseLong(browser.findElement(By.id("kpi-total")).getText())).isGreaterThanOrEqualTo(2);
        // Staff KPIs: one table per grouping, eight columns, the departments' rows filled in from the API.
        for (String table : List.of("staff-departments", "staff-handlers")) {
            assertThat(browser.findElements(By.cssSelector("#" + table + " thead th"))).as(table).hasSize(8);
        }
        assertThat(browser.findElements(By.cssSelector("#staff-departments tbody tr"))).isNotEmpty()
                .allSatisfy(row -> assertThat(row.findElements(By.tagName("td"))).hasSize(8));

        for (String chart : CHARTS) {
            assertThat(js("return !!Chart.getChart(document.getElementById(arguments[0]))", chart))
                    .as("Chart.js chart on %s", chart).isEqualTo(true);
            assertThat(js(NON_BLANK_PIXELS, chart)).as("painted pixels of %s", chart)
                    .satisfies(n -> assertThat((Long) n).isGreaterThan(100L));
            // Not just axes: every chart has data to draw.
            assertThat(js("return Chart.getChart(document.getElementById(arguments[0])).data.datasets"
                    + ".some(ds => ds.data.some(v => v > 0))", chart)).as("data of %s", chart).isEqualTo(true);
        }

        // Each chart's text alternative: named by its caption, its numbers in a table a screen reader reads.
        assertThat(browser.findElement(By.id("chart-channel")).getAttribute("aria-label")).isEqualTo("By channel");
        assertThat(browser.findElements(By.cssSelector("#chart-channel-data tbody tr")))
                .anySatisfy(row -> assertThat(row.getAttribute("textContent")).startsWith("Web"));
        assertThat(CHARTS).allSatisfy(chart -> assertThat(browser.findElements(By.cssSelector("#" + chart + "-data tbody tr")))
                .as("the table of %s", chart).isNotEmpty());
        assertThat(chromium.accessibilityProblems()).isEmpty();
        Path kept = chromium.screenshot(Path.of("target", "dashboard.png")); // docs/images/dashboard.png
        assertThat(Files.size(kept)).isGreaterThan(10_000);

        WebElement q = browser.findElement(By.id("search-q"));
        q.sendKeys("漏水");
        browser.findElement(By.cssSelector("#search-form button")).click();
        wait.until(d -> !d.findElements(By.cssSelector("#search-results tbody tr")).isEmpty());
        assertThat(browser.findElement(By.id("search-results")).getText()).contains(a.value())
                .contains("Facility fault / repair", "Maintenance"); // names, not codes, in the page's language
        assertThat((List<Object>) js("return Chart.getChart(document.getElementById('chart-channel')).data.labels"))
                .contains("Web");


        browser.get("http://localhost:" + port + "/dashboard?lang=zh");
        wait.until(d -> "true".equals(((JavascriptExecutor) d).executeScript("return document.body.dataset.chartsReady")));
        assertThat(browser.getTitle()).contains("投诉分析看板");
        assertThat(chromium.accessibilityProblems()).isEmpty();
    }

    /** Pixels of the canvas that are not fully transparent. */
    static final String NON_BLANK_PIXELS = """
            const c = document.getElementById(arguments[0]);
            if (!c || c.width === 0 || c.height === 0) return 0;
            const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
            let n = 0;
            for (let i = 3; i < data.length; i += 4) { if (data[i] !== 0) n++; }
            return n;
            """;

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }
}
