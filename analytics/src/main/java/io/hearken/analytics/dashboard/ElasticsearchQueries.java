package io.hearken.analytics.dashboard;

import java.io.IOException;
import java.util.Map;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.ResponseException;
import org.elasticsearch.client.RestClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Search requests as JSON over the low-level client: aggregation bodies read far better as JSON than as
 * typed builders, and the answers are read as trees. A missing index is an empty answer, not an error;
 * Elasticsearch down or overloaded is {@link Unavailable}.
 */
@Component("analyticsElasticsearchQueries")
class ElasticsearchQueries {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RestClient client;

    ElasticsearchQueries(RestClient client) {
        this.client = client;
    }

    JsonNode search(String index, Map<String, Object> body) {
        Request request = new Request("POST", "/" + index + "/_search");
        request.addParameter("ignore_unavailable", "true");
        request.addParameter("allow_no_indices", "true");
        request.setJsonEntity(JSON.writeValueAsString(body));
        try {
            Response response = client.performRequest(request);
            return JSON.readTree(response.getEntity().getContent());
        } catch (ResponseException e) {
            int status = e.getResponse().getStatusLine().getStatusCode();
            if (status == 429 || status >= 500) {
                throw new Unavailable("Elasticsearch could not answer (" + status + ")", e);
            }
            throw new IllegalStateException("Elasticsearch refused the query: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new Unavailable("Elasticsearch unreachable: " + e.getMessage(), e);
        }
    }

    /** Elasticsearch is down or overloaded: the pages and the API answer 503, not a stack trace. */
    static final class Unavailable extends RuntimeException {
        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
