package io.hearken.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.hearken.events.ComplaintAcknowledged;
import io.hearken.events.ComplaintEvent;
import io.hearken.events.ComplaintResolved;
import io.hearken.events.ComplaintRouted;
import io.hearken.events.ProgressNoted;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.util.FileSystemUtils;

/**
 * A person at the console in headless Chromium: signs in, sees a new assignment appear in the queue by itself,
 * acknowledges, adds a public note, resolves. Each step is checked on the page and on complaints.updates.
 */
class DeskBrowserTest extends DeskTestSupport {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    WebDriver browser;
    WebDriverWait wait;
    Path profile;

    @BeforeEach
    void startBrowser() throws Exception {
        assumeTrue(new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute(),
                "headless Chromium is not installed");
        profile = Files.createTempDirectory("desk-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--lang=en-US", "--user-data-dir=" + profile.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, PATIENCE);
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            FileSystemUtils.deleteRecursively(profile.toFile());
        }
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    @Test
    void signInAcknowledgeAddAPublicNoteAndResolve() throws Exception {
        browser.get(url("/desk"));
        wait.until(ExpectedConditions.urlContains("/login"));
        browser.findElement(By.id("username")).sendKeys("li.wei");
        browser.findElement(By.id("password")).sendKeys("demo");
        browser.findElement(By.id("sign-in")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("queue")));
        // li.wei works in Chinese.
        assertThat(browser.findElement(By.id("person")).getText()).contains("李伟").contains("维修部");

        // A new assignment appears without reloading the page (the console polls every 2 s).
        ComplaintRouted routed = routed("maintenance", 1, "<b>电梯</b>困人", "3号楼");
        send(io.hearken.events.Topics.assignments("maintenance"), routed);
        String id = routed.complaintId().value();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.linkText(id)));
        // Escaped, never markup.
        assertThat(browser.findElement(By.cssSelector("tr[data-id='" + id + "']")).getText()).contains("<b>电梯</b>困人");
        browser.findElement(By.linkText(id)).click();

        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("acknowledge"))).click();
        wait.until(ExpectedConditions.attributeToBe(By.id("status"), "data-status", "ACKNOWLEDGED"));
        assertThat(browser.findElement(By.id("done")).getText()).isEqualTo("已受理。");

        browser.findElement(By.id("note-text")).sendKeys("师傅十分钟内到达");
        browser.findElement(By.id("note-public")).click();
        browser.findElement(By.id("add-note")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("timeline"), "师傅十分钟内到达"));
        assertThat(browser.findElement(By.cssSelector("#timeline li[data-type='progress-noted'] .tag")).getText())
                .isEqualTo("公开");

        browser.findElement(By.id("resolution-text")).sendKeys("已救出住户，电梯已检修");
        browser.findElement(By.id("resolve")).click();
        wait.until(ExpectedConditions.attributeToBe(By.id("status"), "data-status", "RESOLVED"));

        List<ComplaintEvent> events = updatesFor(routed.complaintId(), found -> found.size() >= 3).stream()
                .map(ConsumerRecord::value).toList();
        assertThat(events).hasSize(3);
        assertThat(events.get(0)).isInstanceOf(ComplaintAcknowledged.class);
        assertThat(events.get(1)).isInstanceOfSatisfying(ProgressNoted.class,
                n -> assertThat(n.visibleToResident()).isTrue());
        assertThat(events.get(2)).isInstanceOfSatisfying(ComplaintResolved.class,
                r -> assertThat(r.resolution()).isEqualTo("已救出住户，电梯已检修"));

        // Back in the queue: resolved complaints leave the open queue.
        browser.findElement(By.linkText(browser.findElement(By.cssSelector("main.complaint p a")).getText())).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("queue")));
        assertThat(browser.findElements(By.linkText(id))).isEmpty();
        // And the language switch works.
        browser.findElement(By.id("language")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("sign-out"), "Sign out"));
    }
}
