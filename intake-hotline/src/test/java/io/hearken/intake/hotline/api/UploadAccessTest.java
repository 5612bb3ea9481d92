package io.hearken.intake.hotline.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hearken.intake.hotline.HotlineIntegrationTest;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;

/**
 * The upload takes a CTI key or a signed-in staff member, nobody else; an announced size over
 * {@code hearken.hotline.max-file-bytes} is refused before the body is read, a chunked one while reading.
 */
class UploadAccessTest extends HotlineIntegrationTest {

    /** A call of its own (its own caller too, so it is never a follow-up of another test's call). */
    static String call(String id) {
        String phone = "139" + String.format("%08d", Math.floorMod(id.hashCode() * 7919L + System.nanoTime(), 100_000_000L));
        return "[{\"call_id\": \"ACCESS-" + id + "-" + System.nanoTime() + "\", \"caller_number\": \"" + phone
                + "\", \"summary\": \"电梯异响\"}]";
    }

    @LocalServerPort
    int port;
    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void withoutAKeyOrSignInTheUploadIs401AndNothingIsPublished() throws Exception {
        String call = call("ANON");
        HttpResponse<String> anonymous = upload(call, null, null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(upload(call, "not-the-key", null).statusCode()).isEqualTo(401);
        assertThat(upload(call, null, "li.wei:wrong").statusCode()).isEqualTo(401);
        // None of them was published: the same call with the key is new, not a duplicate.
        assertThat(upload(call, API_KEY, null).body()).contains("\"complaints\":1");
    }

    @Test
    void theCtiKeyOrAStaffSignInIsAccepted() throws Exception {
        HttpResponse<String> key = upload(call("KEY"), API_KEY, null);
        assertThat(key.statusCode()).isEqualTo(200);
        assertThat(key.body()).contains("\"complaints\":1");
        HttpResponse<String> agent = upload(call("AGENT"), null, "zhou.min:demo");
        assertThat(agent.statusCode()).isEqualTo(200);
        assertThat(agent.body()).contains("\"complaints\":1");
    }

    @Test
    void anAnnouncedOversizeBodyIs413BeforeItIsSent() throws Exception {
        // Only the headers go out, announcing far more than the limit; the answer comes without the body.
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/hotline/transcripts HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "X-Api-Key: " + API_KEY + "\r\nContent-Length: 1000000000\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readNBytes(400), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 413").contains("application/problem+json");
        }
    }

    @Test
    void aChunkedBodyIsCutOffOnceItPassesTheLimit() {
        assertThatThrownBy(() -> TranscriptsApi.readAtMost(new ByteArrayInputStream(new byte[1001]), 1000))
                .isInstanceOfSatisfying(HotlineProblem.class,
                        p -> assertThat(p.status).isEqualTo(HttpStatus.CONTENT_TOO_LARGE));
        // Reading stops at the limit (plus one byte), whatever follows.
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 'x';
            }
        };
        assertThatThrownBy(() -> TranscriptsApi.readAtMost(endless, 1000)).isInstanceOf(HotlineProblem.class);
    }

    private HttpResponse<String> upload(String json, String key, String user) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/v1/hotline/transcripts")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (key != null) {
            request.header("X-Api-Key", key);
        }
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(user.getBytes()));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
