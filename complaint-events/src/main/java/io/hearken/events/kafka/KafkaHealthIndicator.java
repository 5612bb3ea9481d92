package io.hearken.events.kafka;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.kafka.core.KafkaAdmin;

/** UP when the cluster answers a describe-cluster within the timeout; shows the node count and cluster id. */
class KafkaHealthIndicator extends AbstractHealthIndicator {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    private final KafkaAdmin admin;
    private volatile AdminClient client;

    KafkaHealthIndicator(KafkaAdmin admin) {
        super("Kafka health check failed");
        this.admin = admin;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        DescribeClusterResult cluster = client()
                .describeCluster(new DescribeClusterOptions().timeoutMs((int) TIMEOUT.toMillis()));
        String clusterId = cluster.clusterId().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        int nodes = cluster.nodes().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).size();
        builder.up().withDetail("clusterId", clusterId).withDetail("nodes", nodes)
                .withDetail("bootstrapServers", admin.getConfigurationProperties().get("bootstrap.servers"));
    }

    // One client for the life of the app: a health check must not open a connection per call.
    private AdminClient client() {
        AdminClient c = client;
        if (c == null) {
            synchronized (this) {
                if (client == null) {
                    Map<String, Object> config = new java.util.HashMap<>(admin.getConfigurationProperties());
                    config.put("request.timeout.ms", (int) TIMEOUT.toMillis());
                    config.put("default.api.timeout.ms", (int) TIMEOUT.toMillis());
                    client = AdminClient.create(config);
                }
                c = client;
            }
        }
        return c;
    }

    void close() {
        if (client != null) {
            client.close(Duration.ofSeconds(1));
        }
    }
}
