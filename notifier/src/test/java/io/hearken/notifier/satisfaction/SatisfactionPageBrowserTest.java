package io.hearken.notifier.satisfaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hearken.events.ComplaintId;
import io.hearken.events.FeedbackGiven;
import io.hearken.events.Topics;
import io.hearken.events.browser.HeadlessChromium;
import io.hearken.events.TrackingIds;
import io.hearken.notifier.NotifierTestSupport;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;

/** The resident's one click, in a real (headless) browser: the page, the click, the FeedbackGiven event. */
class SatisfactionPageBrowserTest extends NotifierTestSupport {

    @Autowired
    SatisfactionTokens tokens;

    HeadlessChromium chromium;
    WebDriver browser;

    @BeforeEach
    void openBrowser() throws Exception {
        chromium = HeadlessChromium.start("zh-CN");
        browser = chromium.driver();
    }

    @AfterEach
    void closeBrowser() throws Exception {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void oneClickOnAScoreRecordsIt() {
        ComplaintId id = TrackingIds.next();
        String token = tokens.issue(id, Instant.now().plusSeconds(3600), Locale.SIMPLIFIED_CHINESE, "browser");
        browser.get("http://localhost:" + port + "/satisfaction/" + token);
        assertThat(browser.getTitle()).isEqualTo("评价处理结果");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("您对处理结果满意吗？");
        assertThat(browser.findElements(By.cssSelector("button[name=score]"))).hasSize(5);
        assertThat(chromium.accessibilityProblems()).isEmpty();

        browser.findElement(By.id("score-4")).click();

        // The click posts the form: the answer is a new page, which the click itself does not wait for.
        await().atMost(WAIT).until(() -> !browser.findElements(By.id("thanks")).isEmpty());
        assertThat(browser.findElement(By.id("thanks")).getText()).isEqualTo("谢谢！您的评价已记录。");
        assertThat(chromium.accessibilityProblems()).isEmpty();
        await().atMost(WAIT).untilAsserted(() -> assertThat(eventsOn(Topics.INTAKE_WEB, id, FeedbackGiven.class))
                .singleElement().satisfies(f -> assertThat(f.score()).isEqualTo(4)));
    }
}
