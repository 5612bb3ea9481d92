package io.hearken.analytics.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import java.util.List;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The 8.19 Java client, on its low-level RestClient (Boot 4 only auto-configures the 9.x client, whose
 * {@code compatible-with=9} header an 8.x server refuses). One client, pooled connections.
 */
@Configuration(value = "analyticsElasticsearchConfiguration", proxyBeanMethods = false)
class ElasticsearchConfiguration {

    @Bean(destroyMethod = "close")
    RestClient elasticsearchRestClient(@Value("${hearken.elasticsearch.uris:http://localhost:9200}") List<String> uris) {
        return RestClient.builder(uris.stream().map(HttpHost::create).toArray(HttpHost[]::new))
                .setRequestConfigCallback(c -> c.setConnectTimeout(2_000).setSocketTimeout(30_000))
                .build();
    }

    @Bean
    ElasticsearchClient elasticsearchClient(RestClient restClient) {
        return new ElasticsearchClient(new RestClientTransport(restClient, new Jackson3JsonpMapper()));
    }

    @Bean("elasticsearchHealthIndicator")
    ElasticsearchHealthIndicator elasticsearchHealthIndicator(ElasticsearchClient client) {
        return new ElasticsearchHealthIndicator(client);
    }
}
