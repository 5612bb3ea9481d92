package io.hearken.readmodel.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import co.elastic.clients.transport.TransportUtils;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import java.nio.file.Files;
import javax.net.ssl.SSLContext;
import org.apache.http.Header;
import org.apache.http.HttpHost;
import org.apache.http.auth.AuthScope;
import org.apache.http.auth.UsernamePasswordCredentials;
import org.apache.http.impl.client.BasicCredentialsProvider;
import org.apache.http.message.BasicHeader;
import org.elasticsearch.client.RestClient;
import org.elasticsearch.client.RestClientBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The 8.19 Java client, on its low-level RestClient (Boot 4 only auto-configures the 9.x client, whose
 * {@code compatible-with=9} header an 8.x server refuses). One client, pooled connections; credentials and the
 * CA certificate from {@link ElasticsearchProperties}.
 */
@Configuration(value = "readModelElasticsearchConfiguration", proxyBeanMethods = false)
@EnableConfigurationProperties(ElasticsearchProperties.class)
public class ElasticsearchConfiguration {

    @Bean(destroyMethod = "close")
    RestClient elasticsearchRestClient(ElasticsearchProperties properties) {
        RestClientBuilder builder = RestClient.builder(properties.uris().stream().map(HttpHost::create).toArray(HttpHost[]::new))
                .setRequestConfigCallback(c -> c.setConnectTimeout((int) properties.connectTimeout().toMillis())
                        .setSocketTimeout((int) properties.socketTimeout().toMillis()));
        if (properties.hasApiKey()) {
            builder.setDefaultHeaders(new Header[] {new BasicHeader("Authorization", "ApiKey " + properties.apiKey())});
        }
        SSLContext ssl = sslContext(properties);
        builder.setHttpClientConfigCallback(http -> {
            if (properties.hasBasicAuth()) {
                BasicCredentialsProvider credentials = new BasicCredentialsProvider();
                credentials.setCredentials(AuthScope.ANY, new UsernamePasswordCredentials(properties.username(), properties.password()));
                http.setDefaultCredentialsProvider(credentials);
            }
            return ssl == null ? http : http.setSSLContext(ssl);
        });
        return builder.build();
    }

    @Bean
    ElasticsearchClient elasticsearchClient(RestClient restClient) {
        return new ElasticsearchClient(new RestClientTransport(restClient, new Jackson3JsonpMapper()));
    }

    @Bean("elasticsearchHealthIndicator")
    ElasticsearchHealthIndicator elasticsearchHealthIndicator(ElasticsearchClient client) {
        return new ElasticsearchHealthIndicator(client);
    }

    private static SSLContext sslContext(ElasticsearchProperties properties) {
        if (properties.caCertificate() == null) {
            return null; // the JVM's trust store (or plain http)
        }
        if (!Files.isReadable(properties.caCertificate())) {
            throw new IllegalStateException("hearken.elasticsearch.ca-certificate: cannot read " + properties.caCertificate());
        }
        try {
            return TransportUtils.sslContextFromHttpCaCrt(properties.caCertificate().toFile());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("hearken.elasticsearch.ca-certificate: cannot read " + properties.caCertificate(), e);
        }
    }
}
