package io.hearken.intake.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The shared error pages (complaint-events' templates/error) on the real server (only it dispatches to /error):
 * in the browser's language by the web form's rule (Chinese unless English is preferred, also without an
 * Accept-Language), JSON for APIs. The desk's own paths: DeskErrorPagesTest.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "hearken.embedded.mode=test", "server.port=0", "hearken.web.attachments-dir=target/browser-attachments",
        "hearken.privacy.secret=browser-test-secret"}) // as UploadLimitTest: the same context
class ErrorPagesTest {

    @LocalServerPort
    int port;

    @Test
    void aMissingPageIsTheLocalizedNotFoundPage() throws Exception {
        HttpResponse<String> english = get("/no-such-page", "text/html,application/xhtml+xml", "en-GB,en;q=0.9");
        assertThat(english.statusCode()).isEqualTo(404);
        assertThat(english.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(english.body()).contains("Page not found").contains("Back to the start page").contains("href=\"/\"")
                .doesNotContain("页面不存在").doesNotContain("Exception").doesNotContain("no-such-page");

        HttpResponse<String> chinese = get("/no-such-page", "text/html", "zh-CN,zh;q=0.9");
        assertThat(chinese.statusCode()).isEqualTo(404);
        assertThat(chinese.body()).contains("页面不存在").contains("返回首页").contains("lang=\"zh-CN\"")
                .doesNotContain("Page not found");
    }

    @Test
    void withoutAnAcceptLanguageThePageIsChineseNotTheServersLanguage() throws Exception {
        HttpResponse<String> none = get("/no-such-page", "text/html", null);
        assertThat(none.statusCode()).isEqualTo(404);
        assertThat(none.body()).contains("页面不存在").contains("返回首页").contains("lang=\"zh-CN\"")
                .doesNotContain("Page not found");

        // The form's rule: a language Hearken does not speak is Chinese; English when preferred to Chinese.
        assertThat(get("/no-such-page", "text/html", "fr-FR,fr;q=0.9").body()).contains("页面不存在");
        assertThat(get("/no-such-page", "text/html", "de-DE,de;q=0.9,en;q=0.5").body()).contains("Page not found")
                .contains("lang=\"en\"");
        assertThat(get("/no-such-page", "text/html", "en;q=0.5,zh-CN;q=0.9").body()).contains("页面不存在");
    }

    @Test
    void anApiClientKeepsItsJsonAnswer() throws Exception {
        HttpResponse<String> api = get("/api/v1/no-such-thing", "application/json", "en");
        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(api.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("json"));
        assertThat(api.body()).startsWith("{").doesNotContain("<html");
    }

    /** {@code language} null: no Accept-Language header at all (Java's client sends none of its own). */
    private HttpResponse<String> get(String path, String accept, String language) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", accept);
        if (language != null) {
            request.header("Accept-Language", language);
        }
        return HttpClient.newHttpClient().send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
