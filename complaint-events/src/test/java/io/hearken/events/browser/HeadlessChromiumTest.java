package io.hearken.events.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The accessibility check the browser tests rely on finds real problems, and passes a page without them. */
class HeadlessChromiumTest {

    private static String page(String body) {
        return "data:text/html;charset=utf-8," + URLEncoder.encode("<!doctype html><html lang=\"zh-CN\"><head>"
                + "<title>投诉</title></head><body><main><h1>投诉</h1>" + body + "</main></body></html>",
                StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Test
    void findsAFieldWithoutLabelAndAnImageWithoutText() throws Exception {
        try (HeadlessChromium chromium = HeadlessChromium.start("zh-CN")) {
            chromium.driver().get(page("<form><input type=\"text\" name=\"phone\"></form>"
                    + "<img src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\">"
                    + "<p style=\"color:#bbb;background:#fff\">已超时</p>"));
            assertThat(chromium.accessibilityProblems()).anyMatch(p -> p.startsWith("label "))
                    .anyMatch(p -> p.startsWith("image-alt ")).anyMatch(p -> p.startsWith("color-contrast "));
        }
    }

    @Test
    void passesThePageOnceEachHasItsText() throws Exception {
        try (HeadlessChromium chromium = HeadlessChromium.start("zh-CN")) {
            chromium.driver().get(page("<form><label for=\"phone\">电话</label>"
                    + "<input type=\"text\" id=\"phone\" name=\"phone\"></form>"
                    + "<img src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\" alt=\"楼道照片\">"
                    + "<p style=\"color:#333;background:#fff\">已超时</p>"));
            assertThat(chromium.accessibilityProblems()).isEmpty();
        }
    }
}
