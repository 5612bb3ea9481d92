package io.hearken.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** A broker outage for fault tests: stopped, the port refuses; restarted on the same port, the records are still there. */
class EmbeddedKafkaRestartTest {

    @Test
    void aStoppedBrokerComesBackOnTheSamePortWithItsRecords() throws Exception {
        Path dir = Files.createTempDirectory("hearken-kafka-restart-");
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir, 0)) {
            String bootstrap = kafka.bootstrapServers();
            send(bootstrap, "before");
            kafka.stop();
            assertThat(refuses(kafka.port())).as("port refuses while stopped").isTrue();
            kafka.restart();
            assertThat(kafka.bootstrapServers()).isEqualTo(bootstrap);
            send(bootstrap, "after");
            assertThat(readAll(bootstrap)).containsExactly("before", "after");
        } finally {
            EmbeddedKafka.deleteQuietly(dir);
        }
    }

    private static void send(String bootstrap, String value) throws Exception {
        try (var producer = new KafkaProducer<String, String>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("restart.check", "k", value)).get();
        }
    }

    private static List<String> readAll(String bootstrap) {
        List<String> values = new ArrayList<>();
        try (var consumer = new KafkaConsumer<String, String>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "restart-check", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("restart.check"));
            for (int i = 0; i < 60 && values.size() < 2; i++) {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> values.add(r.value()));
            }
        }
        return values;
    }

    private static boolean refuses(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return false;
        } catch (java.io.IOException refused) {
            return true;
        }
    }
}
