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

/** The shared error pages in the desk, on the real server (only it dispatches to /error): in the browser's language, JSON for APIs. */
class DeskErrorPagesTest extends DeskTestSupport {

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

    private HttpResponse<String> get(String path, String accept, String language) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", accept).header("Accept-Language", language).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
