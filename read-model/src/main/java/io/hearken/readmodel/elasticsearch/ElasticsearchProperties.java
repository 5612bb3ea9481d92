package io.hearken.readmodel.elasticsearch;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code hearken.elasticsearch.*}: where the cluster is and how to sign in. Production (security on) gives either
 * {@code username}/{@code password} or an {@code apiKey} (the base64 "id:key" form Elasticsearch returns as
 * {@code encoded}), and for {@code https} URIs the cluster's CA certificate unless the JVM already trusts it.
 *
 * @param caCertificate a PEM file with the CA that signed the cluster's HTTP certificate
 */
@ConfigurationProperties("hearken.elasticsearch")
public record ElasticsearchProperties(
        @DefaultValue("http://localhost:9200") List<String> uris,
        String username,
        String password,
        String apiKey,
        Path caCertificate,
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("30s") Duration socketTimeout) {

    public ElasticsearchProperties {
        if (username != null && !username.isBlank() && (password == null || password.isEmpty())) {
            throw new IllegalArgumentException("hearken.elasticsearch.username is set but hearken.elasticsearch.password is not");
        }
        if (apiKey != null && !apiKey.isBlank() && username != null && !username.isBlank()) {
            throw new IllegalArgumentException("set either hearken.elasticsearch.api-key or hearken.elasticsearch.username, not both");
        }
    }

    boolean hasBasicAuth() {
        return username != null && !username.isBlank();
    }

    boolean hasApiKey() {
        return apiKey != null && !apiKey.isBlank();
    }
}
