package io.hearken.notifier.deadletters;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearken.notifier.NotifierTestSupport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * The notifier run alone: the dead-letter list and replay answer 401 without sign-in and 403 to anyone but a
 * manager; the residents' satisfaction page stays open.
 */
class DeadLetterAccessTest extends NotifierTestSupport {

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void onlyAManagerListsOrReplaysDeadLetters() throws Exception {
        for (String who : new String[] {null, "liu.yang:wrong"}) {
            HttpResponse<String> list = send("GET", "/api/v1/notifier/dead-letters", who);
            assertThat(list.statusCode()).isEqualTo(401);
            assertThat(list.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
            assertThat(send("POST", "/api/v1/notifier/dead-letters/replay", who).statusCode()).isEqualTo(401);
        }
        // A supervisor (and a worker) is signed in but may not.
        HttpResponse<String> supervisor = send("POST", "/api/v1/notifier/dead-letters/replay", "wang.fang:demo");
        assertThat(supervisor.statusCode()).isEqualTo(403);
        assertThat(supervisor.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(send("GET", "/api/v1/notifier/dead-letters", "li.wei:demo").statusCode()).isEqualTo(403);
        assertThat(send("GET", "/api/v1/notifier/dead-letters", "liu.yang:demo").statusCode()).isEqualTo(200);
        // Not a staff endpoint: a resident's rating link (an unknown token here) is answered, not challenged.
        assertThat(send("GET", "/satisfaction/not-a-token", null).statusCode()).isNotIn(401, 403);
        assertThat(send("GET", "/actuator/health", null).statusCode()).isNotIn(401, 403);
    }

    private HttpResponse<String> send(String method, String path, String user) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(user.getBytes()));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
