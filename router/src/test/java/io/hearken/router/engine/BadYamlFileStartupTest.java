package io.hearken.router.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.hearken.embedded.EmbeddedServers;
import io.hearken.router.yaml.YamlFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** An office routing table with a typo stops the router's start with Boot's report: file, line, key. No Kafka. */
@ExtendWith(OutputCaptureExtension.class)
class BadYamlFileStartupTest {

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
    }

    @Test
    void aTypoInTheRoutingTableStopsTheStartNamingFileLineAndKey(@TempDir Path dir, CapturedOutput output) throws Exception {
        Path table = Files.writeString(dir.resolve("routing.yml"), """
                rules:
                  - {category: noise, out-of-hour: true, department: security-night}
                """);

        Throwable failure = catchThrowable(() -> new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE).run(
                "--hearken.router.routing-table=" + table,
                "--hearken.router.engine-enabled=false",
                "--spring.kafka.bootstrap-servers=127.0.0.1:9",
                "--spring.kafka.admin.auto-create=false",
                "--hearken.elasticsearch.uris=http://127.0.0.1:9",
                "--spring.mail.host=127.0.0.1",
                "--hearken.privacy.secret=router-yaml-test-secret",
                "--hearken.privacy.master-key=" + EmbeddedServers.DEMO_MASTER_KEY));

        assertThat(Stream.iterate(failure, Objects::nonNull, Throwable::getCause)).hasAtLeastOneElementOfType(YamlFileException.class);
        assertThat(output.getOut() + output.getErr()).contains("APPLICATION FAILED TO START")
                .contains(table + " line 2 column 23: unknown key 'out-of-hour' in 'rules[1]' (a typo?)")
                .contains("hearken.router.rules, .routing-table or .sla");
    }
}
