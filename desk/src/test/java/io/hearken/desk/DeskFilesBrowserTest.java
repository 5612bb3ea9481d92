package io.hearken.desk;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearken.events.Attachment;
import io.hearken.events.ComplaintResolved;
import io.hearken.events.ComplaintRouted;
import io.hearken.events.browser.HeadlessChromium;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The resolution form in headless Chromium: a canned reply chosen in the picker lands in the text field filled in for
 * the complaint, a PDF is attached, and the multipart form (with its CSRF token, through the real server) resolves the
 * complaint with the file referenced in the event and listed on the page; axe-core finds no problem on either page.
 */
class DeskFilesBrowserTest extends DeskTestSupport {

    HeadlessChromium chromium;
    WebDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void startBrowser() throws Exception {
        chromium = HeadlessChromium.start("en-US");
        browser = chromium.driver();
        wait = new WebDriverWait(browser, PATIENCE);
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    }

    @AfterEach
    void stopBrowser() throws Exception {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void aCannedReplyAndAFileResolveTheComplaintFromTheConsole() throws Exception {
        ComplaintRouted routed = assign(routed("maintenance", 2, "楼道漏水", "9号楼"));
        String id = routed.complaintId().value();
        browser.get("http://localhost:" + port + "/desk/complaints/" + id);
        wait.until(ExpectedConditions.urlContains("/login"));
        browser.findElement(By.id("username")).sendKeys("li.wei");
        browser.findElement(By.id("password")).sendKeys("demo");
        browser.findElement(By.id("sign-in")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("resolution-text")));
        assertThat(chromium.accessibilityProblems()).isEmpty();

        // The picker puts the filled-in text into the field; nothing is sent by choosing.
        new Select(browser.findElement(By.cssSelector("select[data-target='resolution-text']"))).selectByVisibleText("Thanks");
        assertThat(browser.findElement(By.id("resolution-text")).getDomProperty("value")).isEqualTo("Thank you (" + id + ").");
        browser.findElement(By.id("resolution-text")).sendKeys(" 已修复。");

        Path pdf = Files.createTempFile("repair-report-", ".pdf");
        Files.write(pdf, "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
        browser.findElement(By.id("resolution-text-files")).sendKeys(pdf.toAbsolutePath().toString());
        browser.findElement(By.id("resolve")).click();
        wait.until(AcrossReload.of(ExpectedConditions.attributeToBe(By.id("status"), "data-status", "RESOLVED")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("files"), pdf.getFileName().toString()));
        assertThat(chromium.accessibilityProblems()).as("the resolved complaint with its file").isEmpty();

        List<ConsumerRecord<String, io.hearken.events.ComplaintEvent>> updates = updatesFor(routed.complaintId(),
                r -> r.stream().anyMatch(x -> x.value() instanceof ComplaintResolved));
        ComplaintResolved resolved = updates.stream().map(ConsumerRecord::value).filter(ComplaintResolved.class::isInstance)
                .map(ComplaintResolved.class::cast).findFirst().orElseThrow();
        assertThat(resolved.resolution()).isEqualTo("Thank you (" + id + "). 已修复。");
        assertThat(resolved.attachments()).extracting(Attachment::fileName).containsExactly(pdf.getFileName().toString());
        assertThat(resolved.attachments()).extracting(Attachment::contentType).containsExactly("application/pdf");
        Files.deleteIfExists(pdf);
    }
}
