package io.hearken.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Abuse probe: password guessing at {@code POST /login} and with HTTP Basic on the APIs, on a real port. After
 * the allowed failures every further attempt from the address is 429 with Retry-After, even with the right
 * password (it is not even checked); a person who signs in right costs nothing.
 */
class SignInLimitTest {

    @Test
    void guessingPasswordsIsStoppedWith429AndRetryAfter() throws Exception {
        try (ConfigurableApplicationContext desk = SignInAcrossServicesTest.run(SignInAcrossServicesTest.DeskSide.class,
                List.of("server.port=0", "hearken.staff.demo-accounts=true", "hearken.staff.sign-in-limit.failures=3",
                        "hearken.staff.sign-in-limit.period=10m"))) {
            HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
            // Good sign-ins cost nothing.
            for (int i = 0; i < 5; i++) {
                assertThat(signIn(browser, desk, "li.wei", "demo").headers().firstValue("Location").orElseThrow())
                        .doesNotContain("error");
            }
            for (int i = 0; i < 3; i++) {
                HttpResponse<String> wrong = signIn(browser, desk, "li.wei", "guess" + i);
                assertThat(wrong.statusCode()).isEqualTo(302);
                assertThat(wrong.headers().firstValue("Location").orElseThrow()).contains("/login?error");
            }
            HttpResponse<String> blocked = signIn(browser, desk, "li.wei", "demo");
            assertThat(blocked.statusCode()).isEqualTo(429);
            assertThat(Long.parseLong(blocked.headers().firstValue("Retry-After").orElseThrow())).isPositive();
            assertThat(blocked.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("HEARKEN_STAFF="));
            // HTTP Basic from the same address is the same guessing.
            HttpResponse<String> basic = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(SignInAcrossServicesTest.url(desk, "/api/v1/desk/queue")))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("li.wei:demo".getBytes()))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(basic.statusCode()).isEqualTo(429);
            assertThat(basic.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
            assertThat(basic.headers().firstValue("Retry-After")).isPresent();
        }
    }

    @Test
    void wrongBasicCredentialsCountToo() throws Exception {
        try (ConfigurableApplicationContext desk = SignInAcrossServicesTest.run(SignInAcrossServicesTest.DeskSide.class,
                List.of("server.port=0", "hearken.staff.demo-accounts=true", "hearken.staff.sign-in-limit.failures=2"))) {
            HttpClient http = HttpClient.newHttpClient();
            int[] statuses = new int[4];
            for (int i = 0; i < statuses.length; i++) {
                statuses[i] = http.send(HttpRequest.newBuilder(
                        URI.create(SignInAcrossServicesTest.url(desk, "/api/v1/desk/queue")))
                        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("li.wei:x" + i).getBytes()))
                        .GET().build(), HttpResponse.BodyHandlers.ofString()).statusCode();
            }
            assertThat(statuses).containsExactly(401, 401, 429, 429);
        }
    }

    private static HttpResponse<String> signIn(HttpClient browser, ConfigurableApplicationContext desk, String user,
            String password) throws Exception {
        HttpResponse<String> form = browser.send(HttpRequest.newBuilder(
                URI.create(SignInAcrossServicesTest.url(desk, "/login"))).GET().build(), HttpResponse.BodyHandlers.ofString());
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(form.body());
        assertThat(csrf.find()).as(form.body()).isTrue();
        return browser.send(HttpRequest.newBuilder(URI.create(SignInAcrossServicesTest.url(desk, "/login")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + password + "&_csrf="
                        + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
