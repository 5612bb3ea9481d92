package io.hearken.desk.example;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * How a department's own system (a maintenance work-order tool, say) takes its queue straight from Kafka, with
 * nothing but the Kafka client and a JSON parser: no Hearken jar needed. docs/desk.md walks through it.
 *
 * <pre>java ... DepartmentQueueConsumer localhost:9092 maintenance</pre>
 */
public final class DepartmentQueueConsumer implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final KafkaConsumer<String, String> consumer;

    public DepartmentQueueConsumer(String bootstrapServers, String department, String groupId) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        // Your system's own group: Kafka remembers how far it has read; several instances share the work.
        props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of("dept." + department + ".assignments"));
    }

    /** One work order per routing: the whole complaint, the assignment with its deadlines, the classification. */
    public record WorkOrder(String trackingId, String type, String previousDepartment, int priority,
            String firstResponseDue, String resolutionDue, String category, String subject, String description,
            String building, String unit, String residentName, String residentPhone) {
    }

    /** Polls once, hands each work order on, then commits: at-least-once, so handle the tracking id idempotently. */
    public int pollOnce(Duration timeout, Consumer<WorkOrder> handler) {
        int handled = 0;
        for (ConsumerRecord<String, String> record : consumer.poll(timeout)) {
            JsonNode event = JSON.readTree(record.value());
            if (!"complaint-routed".equals(event.path("type").asString())) {
                continue; // only routings are published here today; ignore anything newer you do not know
            }
            JsonNode complaint = event.path("complaint");
            JsonNode assignment = event.path("assignment");
            handler.accept(new WorkOrder(record.key(), event.path("type").asString(),
                    text(assignment, "previousDepartment"), assignment.path("priority").asInt(),
                    text(assignment, "firstResponseDue"), text(assignment, "resolutionDue"),
                    text(event.path("classification"), "category"), text(complaint, "subject"),
                    text(complaint, "description"), text(complaint.path("place"), "building"),
                    text(complaint.path("place"), "unit"), text(complaint.path("contact"), "name"),
                    text(complaint.path("contact"), "phone")));
            handled++;
        }
        consumer.commitSync();
        return handled;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? null : value.asString();
    }

    @Override
    public void close() {
        consumer.close();
    }

    public static void main(String[] args) {
        String bootstrap = args.length > 0 ? args[0] : "localhost:9092";
        String department = args.length > 1 ? args[1] : "maintenance";
        try (DepartmentQueueConsumer queue = new DepartmentQueueConsumer(bootstrap, department, department + "-work-orders")) {
            while (!Thread.currentThread().isInterrupted()) {
                queue.pollOnce(Duration.ofSeconds(1), order -> System.out.printf("%s P%d %s %s %s (due %s)%n",
                        order.trackingId(), order.priority(), order.building(), order.unit(), order.subject(),
                        order.resolutionDue()));
            }
        }
    }
}
