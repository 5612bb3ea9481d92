package io.hearken.router.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hearken.embedded.EmbeddedServers;
import io.hearken.router.sla.HolidayCalendar;
import io.hearken.router.sla.SlaPolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole router context with an operator calendar folder: a bad file stops the start with Boot's failure
 * report naming file and line; a good one adds its year to the SLA clock and to {@code slaCalendar} health.
 * The Streams engine is off and nothing connects to Kafka: the calendar is all this test is about.
 */
@ExtendWith(OutputCaptureExtension.class)
class SlaCalendarStartupTest {

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
    }

    private static ConfigurableApplicationContext start(Path calendarDir) {
        return new SpringApplicationBuilder(App.class).web(WebApplicationType.SERVLET).run(
                "--hearken.router.sla-calendar.dir=" + calendarDir,
                "--server.port=0",
                "--management.endpoint.health.show-details=always",
                "--hearken.router.engine-enabled=false",
                "--spring.kafka.bootstrap-servers=127.0.0.1:9",
                "--spring.kafka.admin.auto-create=false",
                "--hearken.elasticsearch.uris=http://127.0.0.1:9",
                "--spring.mail.host=127.0.0.1",
                "--hearken.privacy.secret=router-calendar-test-secret",
                "--hearken.privacy.master-key=" + EmbeddedServers.DEMO_MASTER_KEY);
    }

    @Test
    void aBadCalendarFileStopsTheStartNamingFileAndLine(@TempDir Path dir, CapturedOutput output) throws Exception {
        Files.writeString(dir.resolve("2027.yml"), """
                year: 2027
                holidays:
                  - {from: 2027-02-05, to: 2027-02-11, zh: 春节, en: Spring Festival}
                make-up-days:
                  - 2027-02-10
                """);

        assertThatThrownBy(() -> start(dir)).hasRootCauseInstanceOf(io.hearken.router.sla.CalendarFileException.class);
        assertThat(output.getOut() + output.getErr()).contains("APPLICATION FAILED TO START")
                .contains(dir.resolve("2027.yml") + " line 5: make-up day 2027-02-10 is a WEDNESDAY, not a weekend day")
                .contains("hearken.router.sla-calendar.dir");
    }

    @Test
    void anOperatorFileAddsItsYearToTheClockAndToHealth(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("2027.yml"), """
                year: 2027
                source: test notice
                holidays:
                  - {date: 2027-01-01, zh: 元旦, en: New Year's Day}
                """);
        try (ConfigurableApplicationContext context = start(dir)) {
            assertThat(context.getBean(HolidayCalendar.class).years().keySet()).contains(2025, 2026, 2027);
            BusinessCalendarCheck.assertNewYearIsOff(context.getBean(SlaPolicy.class));
            String port = context.getEnvironment().getProperty("local.server.port");
            HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/actuator/health/slaCalendar")).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"UP\"", "\"2027\":\"" + dir.resolve("2027.yml") + " (test notice)\"",
                    "\"2026\":\"classpath:io/hearken/router/sla/calendar/2026.yml (国办发明电〔2025〕7号)\"");
        }
    }

    /** The shipped sla.yml counts low urgency in business hours: 1 Jan 2027 (a Friday) must now be off. */
    private static final class BusinessCalendarCheck {
        static void assertNewYearIsOff(SlaPolicy policy) {
            ZoneId shanghai = ZoneId.of("Asia/Shanghai");
            Instant newYear = ZonedDateTime.of(2027, 1, 1, 10, 0, 0, 0, shanghai).toInstant();
            assertThat(policy.calendar().isOpen(newYear)).isFalse();
            Instant thursday = ZonedDateTime.of(2026, 12, 31, 17, 0, 0, 0, shanghai).toInstant();
            assertThat(policy.calendar().add(thursday, Duration.ofHours(2)))
                    .isEqualTo(ZonedDateTime.of(2027, 1, 4, 10, 0, 0, 0, shanghai).toInstant());
        }
    }
}
