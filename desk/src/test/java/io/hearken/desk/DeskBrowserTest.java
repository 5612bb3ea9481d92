package io.hearken.desk;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearken.events.ComplaintAcknowledged;
import io.hearken.events.ComplaintEvent;
import io.hearken.events.ComplaintReopened;
import io.hearken.events.ComplaintResolved;
import io.hearken.events.ComplaintRouted;
import io.hearken.events.ProgressNoted;
import io.hearken.events.ResidentType;
import io.hearken.events.SlaBreached;
import io.hearken.events.SlaClock;
import io.hearken.events.SlaWarning;
import io.hearken.events.browser.HeadlessChromium;
import io.hearken.events.Sentiment;
import io.hearken.events.Urgency;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A person at the console in headless Chromium: signs in, sees a new assignment appear in the queue by itself,
 * acknowledges, adds a public note, resolves; meanwhile a supervisor's actions through the API show on the open
 * page by themselves. Each step is checked on the page and on complaints.updates, and each page by axe-core
 * ({@link HeadlessChromium#accessibilityProblems()}). Screenshots for the docs: target/desk-queue.png and
 * target/desk-complaint.png.
 */
class DeskBrowserTest extends DeskTestSupport {

    HeadlessChromium chromium;
    ChromeDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void startBrowser() throws Exception {
        // A browser far from the server's zone: the console still shows the server's times.
        chromium = HeadlessChromium.start("en-US", ZoneId.of("America/Los_Angeles"));
        browser = chromium.driver();
        wait = new WebDriverWait(browser, PATIENCE);
        // The complaint page reloads itself when its status changes: an element found a moment ago may be gone.
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    }

    @AfterEach
    void stopBrowser() throws Exception {
        if (chromium != null) {
            chromium.close();
        }
    }

    /** Nothing on the open page keeps a person from using it (axe-core: labels, contrast, names, colour alone). */
    void accessible() {
        assertThat(chromium.accessibilityProblems()).as("accessibility of %s", browser.getCurrentUrl()).isEmpty();
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** The maintenance supervisor acts through the API, over HTTP, while li.wei has the console open. */
    void asSupervisor(String action, String json) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url("/api/v1/desk/complaints/" + current + action)))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("wang.fang:demo".getBytes()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        assertThat(HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(200);
    }

    String current;

    static ComplaintRouted firstResponseDueIn(ComplaintRouted r, Duration in) {
        ComplaintRouted.Assignment a = r.assignment();
        return new ComplaintRouted(r.eventId(), r.complaintId(), r.at(), r.complaint(), r.classification(),
                new ComplaintRouted.Assignment(a.department(), a.priority(), a.priorityReasons(),
                        java.time.Instant.now().plus(in), a.resolutionDue(), null, null), r.links());
    }

    @Test
    void signInAcknowledgeAddAPublicNoteAndResolve() throws Exception {
        browser.get(url("/desk"));
        wait.until(ExpectedConditions.urlContains("/login"));
        accessible();
        // A wrong password: the message is tied to the fields it is about.
        browser.findElement(By.id("username")).sendKeys("li.wei");
        browser.findElement(By.id("password")).sendKeys("wrong");
        browser.findElement(By.id("sign-in")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("login-error")));
        assertThat(browser.findElement(By.id("password")).getAttribute("aria-describedby")).isEqualTo("login-error");
        assertThat(browser.findElement(By.id("password")).getAttribute("aria-invalid")).isEqualTo("true");
        accessible();
        browser.findElement(By.id("username")).clear();
        browser.findElement(By.id("username")).sendKeys("li.wei");
        browser.findElement(By.id("password")).sendKeys("demo");
        browser.findElement(By.id("sign-in")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("queue")));
        // li.wei works in Chinese.
        assertThat(browser.findElement(By.id("person")).getText()).contains("李伟").contains("维修部");

        // Overdue and due soon are said in words in the row (and on the complaint page), not by colour alone.
        ComplaintRouted late = assign(firstResponseDueIn(routed("maintenance", 2, "地下车库照明不亮", "地下车库"),
                Duration.ofMinutes(-40)));
        ComplaintRouted soon = assign(firstResponseDueIn(routed("maintenance", 3, "单元门禁刷卡失灵", "2号楼"),
                Duration.ofMinutes(25)));
        send(io.hearken.events.Topics.UPDATES, new SlaBreached(io.hearken.events.Events.newId(), late.complaintId(),
                java.time.Instant.now(), SlaClock.FIRST_RESPONSE, late.assignment().firstResponseDue(), "maintenance"));
        send(io.hearken.events.Topics.UPDATES, new SlaWarning(io.hearken.events.Events.newId(), soon.complaintId(),
                java.time.Instant.now(), SlaClock.FIRST_RESPONSE, soon.assignment().firstResponseDue(), "maintenance"));
        By lateRow = By.cssSelector("tr[data-id='" + late.complaintId().value() + "']");
        By soonRow = By.cssSelector("tr[data-id='" + soon.complaintId().value() + "']");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(lateRow, "已超时"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(soonRow, "即将超时"));
        assertThat(browser.findElement(lateRow).findElement(By.cssSelector(".overdue-flag")).getText()).contains("已超时");
        assertThat(browser.findElement(soonRow).getText()).doesNotContain("已超时");
        browser.get(url("/desk/complaints/" + late.complaintId().value()));
        assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".facts"))).getText())
                .contains("已超时");
        accessible();
        browser.get(url("/desk"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(lateRow, "已超时")); // as the server draws it

        // A new assignment appears without reloading the page (the console polls every 2 s).
        ComplaintRouted plain = routed("maintenance", 1, "<b>电梯</b>困人", "3号楼");
        // The router read an angry shop owner (issue #17): the console says so in words, not by colour alone.
        ComplaintRouted routed = new ComplaintRouted(plain.eventId(), plain.complaintId(), plain.at(), plain.complaint(),
                new ComplaintRouted.Classification("elevator", Urgency.NORMAL, 0.9, false, List.of("keyword"), List.of(),
                        Sentiment.ANGRY, ResidentType.BUSINESS), plain.assignment(), plain.links());
        send(io.hearken.events.Topics.assignments("maintenance"), routed);
        String id = routed.complaintId().value();
        current = id;
        wait.until(ExpectedConditions.presenceOfElementLocated(By.linkText(id)));
        // Escaped, never markup.
        assertThat(browser.findElement(By.cssSelector("tr[data-id='" + id + "']")).getText()).contains("<b>电梯</b>困人");
        // The script drew the row, in the server's time zone (hearken.desk.time-zone), not the browser's.
        assertThat(browser.findElement(By.cssSelector("tr[data-id='" + id + "']")).getText())
                .contains(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault())
                        .format(routed.assignment().firstResponseDue()));
        WebElement mood = browser.findElement(By.cssSelector("tr[data-id='" + id + "'] .mood"));
        assertThat(mood.getText()).isEqualTo("愤怒");
        assertThat(mood.getAttribute("data-sentiment")).isEqualTo("ANGRY");
        assertThat(browser.findElement(By.cssSelector("tr[data-id='" + id + "'] .customer")).getText()).isEqualTo("商户");
        accessible();
        chromium.screenshot(Path.of("target", "desk-queue.png"));
        browser.findElement(By.linkText(id)).click();

        assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sentiment"))).getText()).isEqualTo("愤怒");
        assertThat(browser.findElement(By.id("customer-type")).getText()).isEqualTo("商户");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("acknowledge"))).click();
        wait.until(AcrossReload.of(ExpectedConditions.attributeToBe(By.id("status"), "data-status", "ACKNOWLEDGED")));
        assertThat(browser.findElement(By.id("done")).getText()).isEqualTo("已受理。");

        // Another person's action shows on the open page by itself: the supervisor's internal note...
        asSupervisor("/notes", "{\"text\":\"已通知电梯公司\",\"visibleToResident\":false}");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("timeline"), "已通知电梯公司"));

        browser.findElement(By.id("note-text")).sendKeys("师傅十分钟内到达");
        browser.findElement(By.id("note-public")).click();
        browser.findElement(By.id("add-note")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("timeline"), "师傅十分钟内到达"));
        assertThat(browser.findElements(By.cssSelector("#timeline li[data-type='progress-noted'] .tag")))
                .extracting(WebElement::getText).containsExactly("内部", "公开"); // the supervisor's, then li.wei's
        assertThat(browser.findElement(By.cssSelector("#timeline li[data-type='progress-noted'] strong")).getText())
                .isEqualTo("进展备注");
        browser.navigate().refresh(); // as the server draws it, with the done message gone
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("resolution-text")));
        accessible();
        chromium.screenshot(Path.of("target", "desk-complaint.png"));

        browser.findElement(By.id("resolution-text")).sendKeys("已救出住户，电梯已检修");
        browser.findElement(By.id("resolve")).click();
        wait.until(AcrossReload.of(ExpectedConditions.attributeToBe(By.id("status"), "data-status", "RESOLVED")));

        // ...and their reopening changes the status: the page reloads itself and offers acknowledging again.
        asSupervisor("/reopen", "{\"reason\":\"住户说电梯仍有异响\"}");
        wait.until(AcrossReload.of(ExpectedConditions.attributeToBe(By.id("status"), "data-status", "REOPENED")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("acknowledge")));

        List<ComplaintEvent> events = updatesFor(routed.complaintId(), found -> found.size() >= 5).stream()
                .map(ConsumerRecord::value).toList();
        assertThat(events).hasSize(5);
        assertThat(events.get(0)).isInstanceOfSatisfying(ComplaintAcknowledged.class,
                a -> assertThat(a.by().id()).isEqualTo("li.wei"));
        assertThat(events.get(1)).isInstanceOfSatisfying(ProgressNoted.class, n -> {
            assertThat(n.by().id()).isEqualTo("wang.fang");
            assertThat(n.visibleToResident()).isFalse();
        });
        assertThat(events.get(2)).isInstanceOfSatisfying(ProgressNoted.class, n -> {
            assertThat(n.by().id()).isEqualTo("li.wei");
            assertThat(n.visibleToResident()).isTrue();
        });
        assertThat(events.get(3)).isInstanceOfSatisfying(ComplaintResolved.class,
                r -> assertThat(r.resolution()).isEqualTo("已救出住户，电梯已检修"));
        assertThat(events.get(4)).isInstanceOf(ComplaintReopened.class);

        // Back in the queue: the reopened complaint is there again; resolved by the API, it leaves the open queue.
        browser.findElement(By.linkText(browser.findElement(By.cssSelector("main.complaint p a")).getText())).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.linkText(id)));
        asSupervisor("/resolution", "{\"text\":\"复查无异响\"}");
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.linkText(id)));
        assertThat(browser.findElements(By.linkText(id))).isEmpty();
        // A complaint handed to another department while open on the screen says so, and its buttons go dead.
        ComplaintRouted other = assign(routed("maintenance", 3, "楼道灯闪", "5号楼"));
        current = other.complaintId().value();
        browser.get(url("/desk/complaints/" + current));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("acknowledge")));
        asSupervisor("/reassignment", "{\"toDepartment\":\"security\",\"reason\":\"线路归安保巡查\"}");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("changed")));
        assertThat(browser.findElement(By.id("changed")).getText()).contains("这张工单已不在您的队列中");
        assertThat(browser.findElement(By.id("acknowledge")).isEnabled()).isFalse();
        browser.get(url("/desk"));

        // And the language switch works.
        browser.findElement(By.id("language")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("sign-out"), "Sign out"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(lateRow, "overdue"));
        accessible();
    }

    /** Issue #18 at the console: a letter entered through the form, a complaint taken on, and "mine". */
    @Test
    void enterALetterForAResidentThenTakeAComplaintOnAndFindItUnderMine() throws Exception {
        browser.get(url("/desk/complaints/new"));
        wait.until(ExpectedConditions.urlContains("/login"));
        browser.findElement(By.id("username")).sendKeys("li.wei");
        browser.findElement(By.id("password")).sendKeys("demo");
        browser.findElement(By.id("sign-in")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("entry-form")));
        accessible();
        // Refused: each message is tied to its field.
        browser.findElement(By.id("phone")).sendKeys("call me");
        browser.findElement(By.id("description")).sendKeys("电梯按钮失灵");
        browser.findElement(By.id("enter")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("errors")));
        assertThat(browser.findElement(By.id("phone")).getAttribute("aria-describedby")).isEqualTo("error-phone");
        assertThat(browser.findElement(By.id("phone")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.findElement(By.id("error-phone")).getText()).isNotBlank();
        assertThat(browser.findElement(By.id("name")).getAttribute("aria-invalid")).isNull();
        accessible();
        browser.findElement(By.id("phone")).clear();
        browser.findElement(By.id("description")).clear();

        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("channel"))).selectByValue("letter");
        browser.findElement(By.id("name")).sendKeys("孙阿姨");
        browser.findElement(By.id("building")).sendKeys("4号楼");
        browser.findElement(By.id("description")).sendKeys("<i>来信</i>：四号楼电梯按钮失灵");
        browser.findElement(By.id("enter")).click();
        String done;
        try {
            done = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("done"))).getText();
        } catch (RuntimeException e) {
            throw new AssertionError(browser.getCurrentUrl() + "\n" + browser.getPageSource(), e);
        }
        assertThat(done).contains("已录入投诉").contains("来信");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("HK-[0-9A-Z]{4}-[0-9A-Z]{4}").matcher(done);
        assertThat(m.find()).isTrue();
        assertThat(rawIntakeDesk(m.group(), 1)).singleElement().asString()
                .contains("\"channel\":\"LETTER\"", "\"by\":{\"id\":\"li.wei\"").doesNotContain("孙阿姨");
        // The form is empty again, ready for the next one.
        assertThat(browser.findElement(By.id("description")).getAttribute("value")).isEmpty();

        // A complaint of the department: li.wei takes it on, and it is under "mine".
        ComplaintRouted routed = assign(routed("maintenance", 2, "车库门卡住", "地下车库"));
        current = routed.complaintId().value();
        browser.get(url("/desk/complaints/" + current));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("take-it"))).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("handler"), "李伟"));
        assertThat(browser.findElement(By.id("done")).getText()).isEqualTo("已指定处理人。");
        accessible();
        browser.findElement(By.id("nav-mine")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.linkText(current)));
        accessible();
        assertThat(browser.findElement(By.cssSelector("tr[data-id='" + current + "'] td.handler")).getText())
                .isEqualTo("李伟");
        // The queue's live refresh keeps the filter and the handler column.
        wait.until(d -> d.findElements(By.cssSelector("#queue-rows tr")).stream()
                .allMatch(tr -> tr.findElement(By.cssSelector("td.handler")).getText().equals("李伟")));
        assertThat(updatesFor(routed.complaintId(), f -> !f.isEmpty())).singleElement()
                .satisfies(r -> assertThat(r.value()).isInstanceOfSatisfying(io.hearken.events.HandlerAssigned.class,
                        h -> assertThat(h.handler().id()).isEqualTo("li.wei")));
        browser.get(url("/desk/return-visits"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("main.visits")));
        accessible();
    }
}
