package io.hearken.desk.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearken.desk.DeskTestSupport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * The shared error pages in the desk, on the real server (only it dispatches to /error), through the desk's own
 * security: a page for a browser, JSON for a signed-in API client on the desk's paths. Their languages are tested
 * once, in intake-web's ErrorPagesTest; here only that the desk, whose own texts default to English, still gives a
 * browser without an Accept-Language the Chinese page.
 */
class DeskErrorPagesTest extends DeskTestSupport {

    @Test
    void aMissingPageIsTheSharedNotFoundPageInChineseWithoutAnAcceptLanguage() throws Exception {
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/no-such-page"))
                .header("Accept", "text/html,application/xhtml+xml").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.body()).contains("页面不存在").contains("返回首页").contains("lang=\"zh-CN\"").contains("href=\"/\"")
                .doesNotContain("Page not found").doesNotContain("Exception").doesNotContain("no-such-page");
    }

    @Test
    void anApiClientOnTheDesksPathsKeepsItsJsonAnswer() throws Exception {
        HttpResponse<String> api = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/desk/no-such-thing"))
                .header("Accept", "application/json").header("Accept-Language", "en")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "wang.fang:demo".getBytes(StandardCharsets.UTF_8))).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(api.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("json"));
        assertThat(api.body()).startsWith("{").doesNotContain("<html");
    }
}
