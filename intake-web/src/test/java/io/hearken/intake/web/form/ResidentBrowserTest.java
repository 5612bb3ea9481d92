package io.hearken.intake.web.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import io.hearken.readmodel.Indices;
import io.hearken.events.browser.HeadlessChromium;
import io.hearken.events.privacy.PersonalData;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A resident in headless Chromium (Debian's package): fills the form in Chinese, submits, reads the tracking
 * id and opens the tracking page with it. The read model entry the router and analytics would write is
 * indexed by the test (this module has no router).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "hearken.embedded.mode=test", "server.port=0", "hearken.web.attachments-dir=target/browser-attachments",
        "hearken.privacy.secret=browser-test-secret"})
class ResidentBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    ElasticsearchClient elasticsearch;

    HeadlessChromium chromium;
    WebDriver browser;

    @BeforeEach
    void startBrowser() throws Exception {
        chromium = HeadlessChromium.start("zh-CN");
        browser = chromium.driver();
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
    }

    @AfterEach
    void stopBrowser() throws Exception {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void aResidentSubmitsInChineseAndTracksTheComplaint() throws Exception {
        browser.get("http://localhost:" + port + "/");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("提交投诉");
        assertThat(chromium.accessibilityProblems()).isEmpty();

        // First without consent: the form comes back in Chinese with what was typed.
        browser.findElement(By.id("name")).sendKeys("陈静");
        browser.findElement(By.id("email")).sendKeys("chen.jing@example.com");
        new Select(browser.findElement(By.id("residentType"))).selectByValue("student");
        browser.findElement(By.id("building")).sendKeys("8号宿舍楼");
        browser.findElement(By.id("unit")).sendKeys("512");
        new Select(browser.findElement(By.id("categoryHint"))).selectByValue("facility");
        browser.findElement(By.id("subject")).sendKeys("空调不制冷");
        browser.findElement(By.id("description")).sendKeys("宿舍空调开了两个小时仍然不制冷，请派人检修。");
        chromium.screenshot(Path.of("target", "form.png")); // docs/images/form.png: made-up data only
        browser.findElement(By.id("submit")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> !d.findElements(By.id("error-consent")).isEmpty());
        assertThat(browser.findElement(By.id("error-consent")).getText()).isEqualTo("请阅读并同意隐私声明。");
        // The error is tied to its field: a screen reader reads it with the check box.
        assertThat(browser.findElement(By.id("consent")).getAttribute("aria-describedby")).isEqualTo("error-consent");
        assertThat(browser.findElement(By.id("consent")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.findElement(By.id("description")).getAttribute("aria-invalid")).isNull();
        assertThat(chromium.accessibilityProblems()).isEmpty();
        assertThat(browser.findElement(By.id("description")).getAttribute("value"))
                .isEqualTo("宿舍空调开了两个小时仍然不制冷，请派人检修。");

        browser.findElement(By.id("consent")).click();
        browser.findElement(By.id("submit")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).withMessage(() -> browser.getPageSource())
                .until(d -> !d.findElements(By.id("tracking-id")).isEmpty());
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("投诉已受理");
        String trackingId = browser.findElement(By.id("tracking-id")).getText();
        assertThat(trackingId).matches("HK-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}");
        assertThat(chromium.accessibilityProblems()).isEmpty();

        indexAsTheRouterWould(trackingId, "chen.jing@example.com");

        browser.findElement(By.id("track-link")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> !d.findElements(By.id("track-submit")).isEmpty());
        assertThat(browser.findElement(By.id("id")).getAttribute("value")).isEqualTo(trackingId);
        browser.findElement(By.id("contact")).sendKeys("chen.jing@example.com");
        browser.findElement(By.id("track-submit")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).withMessage(() -> browser.getPageSource())
                .until(d -> !d.findElements(By.id("complaint-id")).isEmpty());
        assertThat(browser.findElement(By.id("complaint-id")).getText()).isEqualTo(trackingId);
        assertThat(browser.findElement(By.id("complaint-status")).getText()).isEqualTo("已分派");
        assertThat(browser.findElement(By.id("complaint-description")).getText())
                .isEqualTo("宿舍空调开了两个小时仍然不制冷，请派人检修。");
        assertThat(browser.findElement(By.id("complaint-department")).getText()).isEqualTo("工程维修部");
        // The contact was posted, not put into the address bar.
        assertThat(browser.getCurrentUrl()).doesNotContain("chen.jing");
        assertThat(chromium.accessibilityProblems()).isEmpty();

        // The same complaint in English.
        browser.findElement(By.id("complaint-lang-switch")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class) // the old page's h1
                .until(d -> d.findElement(By.tagName("h1")).getText().equals("Track your complaint"));
        assertThat(browser.findElement(By.id("complaint-id")).getText()).isEqualTo(trackingId);
        assertThat(browser.findElement(By.id("complaint-status")).getText()).isEqualTo("Assigned");
        assertThat(browser.findElement(By.id("complaint-department")).getText()).isEqualTo("Maintenance");
    }

    void indexAsTheRouterWould(String id, String email) throws Exception {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("id", id);
        doc.put("status", "assigned");
        doc.put("channel", "WEB");
        doc.put("category", "facility");
        doc.put("urgency", "NORMAL");
        doc.put("department", "maintenance");
        doc.put("subject", "空调不制冷");
        doc.put("description", "宿舍空调开了两个小时仍然不制冷，请派人检修。");
        doc.put("language", "zh-CN");
        doc.put("building", "8号宿舍楼");
        doc.put("receivedAt", Instant.now().toString());
        doc.put("contactHash", new PersonalData("browser-test-secret").hash(email));
        elasticsearch.index(i -> i.index(Indices.COMPLAINTS).id(id).document(doc).refresh(Refresh.True));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> elasticsearch.exists(e -> e.index(Indices.COMPLAINTS).id(id)).value());
    }
}
