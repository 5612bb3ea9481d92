package io.hearken.intake.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The shared error pages on the real server (only it dispatches to /error): in the browser's language, JSON for APIs. */
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
    void anApiClientKeepsItsJsonAnswer() throws Exception {
        HttpResponse<String> api = get("/api/v1/no-such-thing", "application/json", "en");
        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(api.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("json"));
        assertThat(api.body()).startsWith("{").doesNotContain("<html");
    }

    private HttpResponse<String> get(String path, String accept, String language) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", accept).header("Accept-Language", language).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
