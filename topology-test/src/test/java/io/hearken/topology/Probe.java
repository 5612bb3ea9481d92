package io.hearken.topology;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Looks at the running topology from outside, over the services' and servers' own protocols (HTTP, ES REST). */
final class Probe {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Probe() {
    }

    record Answer(int status, JsonNode body) {
    }

    static Answer postJson(String url, Object body) {
        return postJson(url, body, Map.of());
    }

    static Answer postJson(String url, Object body, Map<String, String> headers) {
        var request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8));
        headers.forEach(request::header);
        return send(request);
    }

    static Answer get(String url, String username, String password) {
        String basic = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Basic " + basic)
                .header("Accept", "application/json").GET());
    }

    /** A request without any credentials, as an anonymous caller sends it. */
    static int anonymousStatus(String method, String url) {
        var request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json");
        request = method.equals("POST") ? request.header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")) : request.GET();
        return send(request).status();
    }

    /** The ids of the open complaints in the queue {@code username} sees at the desk. */
    static List<String> deskQueue(String deskUrl, String username) {
        List<String> ids = new ArrayList<>();
        deskQueueItems(deskUrl, username).forEach(item -> ids.add(item.path("id").asString()));
        return ids;
    }

    /** Every item of the queue {@code username} sees at the desk, page after page. */
    static List<JsonNode> deskQueueItems(String deskUrl, String username) {
        List<JsonNode> items = new ArrayList<>();
        for (int page = 1; ; page++) {
            Answer queue = get(deskUrl + "/api/v1/desk/queue?size=200&page=" + page, username, Topology.PASSWORD);
            if (queue.status() != 200) {
                throw new AssertionError("desk queue of " + username + ": HTTP " + queue.status() + " " + queue.body());
            }
            queue.body().path("items").forEach(items::add);
            if (!queue.body().path("more").asBoolean()) {
                return items;
            }
        }
    }

    /** The {@code complaints} document whose text contains {@code marker}, once indexed. */
    static Optional<JsonNode> complaintWith(String elasticsearchUrl, String marker) {
        for (JsonNode hit : complaints(elasticsearchUrl, Map.of("match_all", Map.of()), 1000)) {
            JsonNode source = hit.path("_source");
            if (source.path("description").asString("").contains(marker) || source.path("subject").asString("").contains(marker)) {
                return Optional.of(source);
            }
        }
        return Optional.empty();
    }

    /** How many {@code complaints} documents have {@code marker} in their text (a doubled complaint counts twice). */
    static long countWith(String elasticsearchUrl, String marker) {
        long n = 0;
        for (JsonNode hit : complaints(elasticsearchUrl, Map.of("match_all", Map.of()), 5000)) {
            if (hit.path("_source").path("description").asString("").contains(marker)) {
                n++;
            }
        }
        return n;
    }

    /** The {@code complaints} documents of these ids. */
    static List<JsonNode> complaintsById(String elasticsearchUrl, List<String> ids) {
        List<JsonNode> out = new ArrayList<>();
        complaints(elasticsearchUrl, Map.of("ids", Map.of("values", ids)), ids.size()).forEach(h -> out.add(h.path("_source")));
        return out;
    }

    private static JsonNode complaints(String elasticsearchUrl, Object query, int size) {
        Answer a = postJson(elasticsearchUrl + "/complaints/_search", Map.of("size", size, "query", query));
        if (a.status() == 404) {
            return JSON.createArrayNode(); // not created yet
        }
        if (a.status() != 200) {
            throw new AssertionError("Elasticsearch search: HTTP " + a.status() + " " + a.body());
        }
        return a.body().path("hits").path("hits");
    }

    private static Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = HTTP.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            String body = r.body();
            JsonNode json = body == null || body.isBlank() ? JSON.createObjectNode() : parse(body);
            return new Answer(r.statusCode(), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (RuntimeException notJson) {
            return JSON.getNodeFactory().stringNode(body);
        }
    }
}
