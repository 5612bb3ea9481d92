package io.hearken.events.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class HearkenDefaultsTest {

    @Test
    void sharedDefaultsApplyButAnythingConfiguredWins() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("configured",
                Map.of("spring.kafka.producer.properties.linger.ms", "20")));

        new HearkenDefaults().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("spring.kafka.producer.acks")).isEqualTo("all");
        assertThat(environment.getProperty("spring.kafka.producer.properties.enable.idempotence")).isEqualTo("true");
        assertThat(environment.getProperty("spring.kafka.producer.properties.linger.ms")).isEqualTo("20");
    }

    @Test
    void everyDeployableIsObservedAlike() {
        StandardEnvironment environment = new StandardEnvironment();
        new HearkenDefaults().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("management.endpoints.web.exposure.include")).contains("prometheus");
        assertThat(environment.getProperty("management.endpoint.health.probes.enabled")).isEqualTo("true");
        assertThat(environment.getProperty("management.endpoint.health.group.readiness.include"))
                .contains("readinessState", "kafka", "views");
        assertThat(environment.getProperty("spring.kafka.template.observation-enabled")).isEqualTo("true");
        assertThat(environment.getProperty("spring.kafka.listener.observation-enabled")).isEqualTo("true");
        assertThat(environment.getProperty("management.tracing.sampling.probability")).isEqualTo("0.1");
        assertThat(environment.getProperty("logging.pattern.correlation")).contains("%X{traceId}", "%X{complaintId}");
        // The request's own observation stays; Spring Security's per-filter-chain ones inside it are off.
        assertThat(environment.getProperty("management.observations.enable.spring.security")).isEqualTo("false");
    }
}
