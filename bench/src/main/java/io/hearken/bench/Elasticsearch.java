package io.hearken.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The read side of the measure: routed complaints counted as documents in the {@code complaints} index. */
final class Elasticsearch {

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final String base;

    Elasticsearch(String base) {
        this.base = base;
    }

    /** Complaints indexed with their routing (routedAt set), as searchable now. */
    long routedDocuments() throws IOException, InterruptedException {
        return json.readTree(post("/complaints/_count", "{\"query\":{\"exists\":{\"field\":\"routedAt\"}}}"))
                .path("count").asLong();
    }

    /** One routed complaint document as analytics wrote it: the shape the raw bulk limit indexes. */
    String sampleDocument() throws IOException, InterruptedException {
        JsonNode hits = json.readTree(post("/complaints/_search",
                "{\"size\":1,\"query\":{\"exists\":{\"field\":\"routedAt\"}}}")).path("hits").path("hits");
        if (hits.isEmpty()) {
            throw new IllegalStateException("no routed complaint in Elasticsearch yet");
        }
        return json.writeValueAsString(hits.get(0).path("_source"));
    }

    /** Total GC ms of the node (young + old collectors), from its own stats: jstat cannot attach to it as 'nobody'. */
    long gcMs() {
        try {
            var r = http.send(HttpRequest.newBuilder(URI.create(base + "/_nodes/_local/stats/jvm")).build(),
                    HttpResponse.BodyHandlers.ofString());
            long sum = 0;
            for (JsonNode node : json.readTree(r.body()).path("nodes")) {
                for (JsonNode collector : node.path("jvm").path("gc").path("collectors")) {
                    sum += collector.path("collection_time_in_millis").asLong();
                }
            }
            return sum;
        } catch (IOException | RuntimeException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private String post(String path, String body) throws IOException, InterruptedException {
        var r = http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException(path + ": " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }
}
