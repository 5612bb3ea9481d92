package io.hearken.router.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hearken.events.Channel;
import io.hearken.events.ComplaintEvent;
import io.hearken.events.ComplaintReceived;
import io.hearken.events.ComplaintRouted;
import io.hearken.events.Contact;
import io.hearken.events.Events;
import io.hearken.events.Place;
import io.hearken.events.ResidentType;
import io.hearken.events.Topics;
import io.hearken.events.TrackingIds;
import io.hearken.events.kafka.TopicRecords;
import io.hearken.router.classification.LabelledText;
import io.hearken.router.classification.TextModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A running router (real Kafka) routes with model A; the file {@code hearken.router.model} is replaced by model B
 * (other labels) and new complaints are routed by B, without a restart; a corrupt file then keeps B in service
 * and the {@code routerModel} health says why.
 */
@SpringBootTest(classes = RouterThroughKafkaTest.App.class,
        properties = {"hearken.embedded.mode=test", "hearken.elasticsearch.uris=http://127.0.0.1:9",
                "spring.mail.host=127.0.0.1", "hearken.privacy.secret=router-test-secret",
                "hearken.router.application-id=hearken-router-reload", "hearken.router.model-reload-interval=300ms",
                "spring.kafka.consumer.auto-offset-reset=earliest"})
class ModelReloadThroughKafkaTest {

    static final Path DIR;
    static final Path MODEL;

    static {
        try {
            DIR = Files.createTempDirectory("hearken-model-reload");
            MODEL = DIR.resolve("model.bin");
            model("A").save(MODEL);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void modelFile(DynamicPropertyRegistry registry) {
        registry.add("hearken.router.model", MODEL::toString);
    }

    @Autowired
    KafkaTemplate<String, ComplaintEvent> kafka;

    @Autowired
    ReloadingModel model;

    @Autowired
    @Qualifier("routerModelHealthIndicator")
    HealthIndicator health;

    /** Two labels, {@code <prefix>-one} and {@code <prefix>-two}, on words no rule knows. */
    static TextModel model(String prefix) {
        List<LabelledText> rows = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            rows.add(new LabelledText("florp wibble snark " + i, prefix + "-one"));
            rows.add(new LabelledText("gromp quazzle dree " + i, prefix + "-two"));
        }
        return TextModel.train(rows);
    }

    @Test
    void aNewModelFileIsRoutedWithoutARestartAndACorruptOneIsRefused() throws Exception {
        String a = model.inService().sha256();
        ComplaintRouted byA = routed("florp wibble snark again");
        assertThat(byA.classification().category()).isEqualTo("A-one");
        assertThat(byA.classification().reasons()).contains("model file sha256 " + a);

        replace(out -> model("B").save(out));
        await().atMost(Duration.ofSeconds(60)).until(() -> !a.equals(model.inService().sha256()));
        String b = model.inService().sha256();
        ComplaintRouted byB = routed("gromp quazzle dree again");
        assertThat(byB.classification().category()).isEqualTo("B-two");
        assertThat(byB.classification().reasons()).contains("model file sha256 " + b);
        assertThat(health.health(true).getDetails()).containsEntry("sha256", b).containsEntry("labels", 2)
                .doesNotContainKey("refused");

        replace(out -> Files.writeString(out, "this is not a model", StandardCharsets.UTF_8));
        await().atMost(Duration.ofSeconds(60)).until(() -> model.refused() != null);
        Health refused = health.health(true);
        assertThat(refused.getStatus().getCode()).isEqualTo("UP");
        assertThat(refused.getDetails()).containsEntry("sha256", b);
        assertThat((Map<String, Object>) refused.getDetails().get("refused"))
                .containsEntry("file", MODEL.toString()).containsKey("reason");
        assertThat(routed("florp wibble snark once more").classification().category()).isEqualTo("B-one");
        assertThat(model.inService().sha256()).isEqualTo(b);
    }

    interface Writer {
        void write(Path to) throws IOException;
    }

    /** As an operator should: written beside, then moved over the old file in one step. */
    private static void replace(Writer writer) throws IOException {
        Path tmp = Files.createTempFile(DIR, "model", ".tmp");
        writer.write(tmp);
        Files.move(tmp, MODEL, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private ComplaintRouted routed(String text) throws Exception {
        ComplaintReceived c = new ComplaintReceived(Events.newId(), TrackingIds.next(), Instant.now(), Channel.WEB, "form",
                null, new Contact("王芳", "reload@example.com", null), ResidentType.TENANT, Place.of("9号楼", "101"), null,
                text, null, "en", List.of(), Map.of());
        String key = c.complaintId().value();
        kafka.send(Topics.INTAKE_WEB, key, c).get();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> routedAs(key) != null);
        return routedAs(key);
    }

    private static ComplaintRouted routedAs(String key) {
        return TopicRecords.events(Topics.ROUTED).stream().filter(r -> key.equals(r.key()))
                .map(r -> r.value()).filter(ComplaintRouted.class::isInstance).map(ComplaintRouted.class::cast)
                // another test's router (its own application id) may route it too, with its own model
                .filter(r -> r.classification().category().contains("-"))
                .findFirst().orElse(null);
    }
}
