package io.hearken.events.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

@ExtendWith(OutputCaptureExtension.class)
class ProductionGuardTest {

    static final String SECRET = "3f9a1c7e5b2d8f4a6c0e9b1d7a3f5c2e";
    static final String KEY = "a7c3e9f1b5d2c8e4";
    static final String MASTER_KEY = "q83vEjRWeJASNFZ4kBI0VniQEjRWeJASNFZ4kBI0Vng=";

    /** What a production start has: every check passes. */
    static Map<String, Object> secure() {
        Map<String, Object> p = new HashMap<>();
        p.put("spring.kafka.bootstrap-servers", "kafka:9092");
        p.put("hearken.privacy.secret", SECRET);
        p.put("hearken.staff.token-secret", SECRET + "x");
        p.put("hearken.notifier.link-secret", SECRET + "y");
        p.put("hearken.privacy.master-key", MASTER_KEY);
        p.put("hearken.staff.users[0].username", "admin");
        p.put("hearken.staff.users[0].password", "{bcrypt}$2a$10$abcdefghijklmnopqrstuv");
        p.put("hearken.web.open311.api-keys", KEY + "," + KEY + "2");
        p.put("hearken.hotline.api-keys", KEY);
        return p;
    }

    static List<String> problems(Map<String, Object> properties) {
        return problems(properties, true);
    }

    static List<String> problems(Map<String, Object> properties, boolean notifierPresent) {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("test", properties));
        return ProductionGuard.problems(env, (name, loader) -> notifierPresent);
    }

    static Map<String, Object> secureWith(String property, Object value) {
        Map<String, Object> p = secure();
        if (value == null) {
            p.remove(property);
        } else {
            p.put(property, value);
        }
        return p;
    }

    @Test
    void productionSettingsPass() {
        assertThat(problems(secure())).isEmpty();
    }

    @Test
    void demoAccountsAreRefused() {
        assertThat(problems(secureWith("hearken.staff.demo-accounts", "true"))).singleElement().asString()
                .startsWith("hearken.staff.demo-accounts (HEARKEN_STAFF_DEMOACCOUNTS) is true");
    }

    @Test
    void demoAndShortClearPasswordsAreRefused() {
        assertThat(problems(secureWith("hearken.staff.users[0].password", "{noop}demo"))).singleElement().asString()
                .contains("hearken.staff.users[0].password (HEARKEN_STAFF_USERS_0_PASSWORD) (user 'admin')")
                .contains("demo or placeholder");
        assertThat(problems(secureWith("hearken.staff.users[0].password", "demo"))).hasSize(1);
        assertThat(problems(secureWith("hearken.staff.users[0].password", "{noop}change-me-to-a-long-passphrase")))
                .hasSize(1);
        assertThat(problems(secureWith("hearken.staff.users[0].password", "{noop}short-pass1"))).singleElement()
                .asString().contains("shorter than 12");
        assertThat(problems(secureWith("hearken.staff.users[0].password", "{noop}a-long-enough-passphrase"))).isEmpty();
        // A hash may be of any length; an account without password signs in through the identity provider.
        assertThat(problems(secureWith("hearken.staff.users[0].password", "{bcrypt}$2a$10$x"))).isEmpty();
        assertThat(problems(secureWith("hearken.staff.users[0].password", null))).isEmpty();
    }

    @Test
    void missingShortOrDefaultSecretsAreRefused() {
        for (String property : List.of("hearken.privacy.secret", "hearken.staff.token-secret", "hearken.notifier.link-secret")) {
            assertThat(problems(secureWith(property, null))).as(property).singleElement().asString()
                    .startsWith(property + " (").contains("is not set");
            assertThat(problems(secureWith(property, "too-short-a-secret"))).as(property).singleElement().asString()
                    .contains("shorter than 32");
            assertThat(problems(secureWith(property, "change-me-in-production-please-now"))).as(property)
                    .singleElement().asString().contains("default or demo");
        }
        assertThat(problems(secureWith("hearken.privacy.secret", "hearken-all-in-one-demo-secret-0123456789"))).hasSize(1);
        assertThat(problems(secureWith("hearken.privacy.secret", null)).get(0)).contains("(HEARKEN_PRIVACY_SECRET)");
        assertThat(problems(secureWith("hearken.staff.token-secret", null)).get(0)).contains("(HEARKEN_STAFF_TOKENSECRET)");
    }

    @Test
    void theMasterKeyMustBeThirtyTwoRandomBytesNotTheDemoOne() {
        assertThat(problems(secureWith("hearken.privacy.master-key", null))).singleElement().asString()
                .startsWith("hearken.privacy.master-key (HEARKEN_PRIVACY_MASTERKEY)").contains("is not set");
        assertThat(problems(secureWith("hearken.privacy.master-key", "c2hvcnQ="))).singleElement().asString()
                .contains("not 32 bytes");
        assertThat(problems(secureWith("hearken.privacy.master-key", "not base64 at all!"))).singleElement().asString()
                .contains("not 32 bytes");
        String demo = java.util.Base64.getEncoder().encodeToString("hearken-demo-master-key-32-bytes".getBytes());
        assertThat(problems(secureWith("hearken.privacy.master-key", demo))).singleElement().asString()
                .contains("demo key");
    }

    @Test
    void theNotifierLinkSecretIsRequiredOnlyWhereTheNotifierRuns() {
        assertThat(problems(secureWith("hearken.notifier.link-secret", null), false)).isEmpty();
        assertThat(problems(secureWith("hearken.notifier.link-secret", "hearken-all-in-one-link-secret"), false))
                .hasSize(1);
    }

    @Test
    void demoAndShortApiKeysAreRefused() {
        assertThat(problems(secureWith("hearken.web.open311.api-keys", "demo"))).singleElement().asString()
                .isEqualTo("hearken.web.open311.api-keys (HEARKEN_WEB_OPEN311_APIKEYS) contains a demo key ('demo');"
                        + " set your clients' own keys");
        assertThat(problems(secureWith("hearken.web.open311.api-keys", KEY + ",short"))).singleElement().asString()
                .contains("shorter than 16");
        assertThat(problems(secureWith("hearken.hotline.api-keys", "demo"))).singleElement().asString()
                .startsWith("hearken.hotline.api-keys (HEARKEN_HOTLINE_APIKEYS)");
        // No keys: Open311 posts are refused and the upload needs staff sign-in; nothing weak to refuse.
        assertThat(problems(secureWith("hearken.hotline.api-keys", null))).isEmpty();
    }

    @Test
    void embeddedServersAndMissingKafkaAreRefused() {
        Map<String, Object> embedded = secureWith("hearken.embedded.mode", "all-in-one");
        assertThat(problems(embedded)).singleElement().asString()
                .contains("hearken.embedded.mode (HEARKEN_EMBEDDED_MODE) is 'all-in-one'")
                .contains("hearken.elasticsearch.uris, spring.mail.host not set");
        embedded.put("hearken.elasticsearch.uris", "https://elasticsearch:9200");
        embedded.put("spring.mail.host", "mail");
        assertThat(problems(embedded)).as("every address set: nothing embedded starts").isEmpty();
        assertThat(problems(secureWith("spring.kafka.bootstrap-servers", null))).singleElement().asString()
                .startsWith("spring.kafka.bootstrap-servers (SPRING_KAFKA_BOOTSTRAPSERVERS) is not set");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        Map<String, Object> demo = secure();
        demo.put("hearken.staff.demo-accounts", "true");
        demo.put("hearken.web.open311.api-keys", "demo");
        demo.remove("hearken.privacy.secret");
        assertThat(problems(demo)).hasSize(3);
    }

    @Test
    void withoutTheProdProfileNothingIsChecked() {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("test", Map.of("hearken.web.open311.api-keys", "demo")));
        new ProductionGuard().postProcessEnvironment(env, new SpringApplication());
    }

    @Test
    void aSpringBootApplicationWithProdAndADemoSettingDoesNotStart(CapturedOutput output) {
        Map<String, Object> properties = secure();
        properties.put("hearken.web.open311.api-keys", "demo");
        SpringApplicationBuilder app = new SpringApplicationBuilder(Empty.class).web(WebApplicationType.NONE)
                .profiles("prod").properties(properties);
        assertThatThrownBy(() -> {
            try (ConfigurableApplicationContext context = app.run()) {
                context.getId();
            }
        }).isInstanceOf(InsecureSettingsException.class)
                .hasMessageContaining("hearken.web.open311.api-keys (HEARKEN_WEB_OPEN311_APIKEYS) contains a demo key");
        assertThat(output).contains("APPLICATION FAILED TO START")
                .contains("- hearken.web.open311.api-keys (HEARKEN_WEB_OPEN311_APIKEYS) contains a demo key ('demo')");
    }

    @Test
    void theProfileAndTheSettingsComeFromEnvironmentVariablesAsInDockerCompose() {
        Map<String, Object> variables = new HashMap<>();
        variables.put("SPRING_PROFILES_ACTIVE", "prod");
        variables.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", "kafka:9092");
        variables.put("HEARKEN_PRIVACY_SECRET", SECRET);
        variables.put("HEARKEN_PRIVACY_MASTERKEY", MASTER_KEY);
        variables.put("HEARKEN_STAFF_TOKENSECRET", "change-me-" + SECRET);
        variables.put("HEARKEN_WEB_OPEN311_APIKEYS", KEY + ",demo");
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
        SpringApplicationBuilder app = new SpringApplicationBuilder(Empty.class).web(WebApplicationType.NONE)
                .environment(environment);
        assertThatThrownBy(() -> app.run().close()).isInstanceOfSatisfying(InsecureSettingsException.class,
                e -> assertThat(e.problems()).containsExactly(
                        "hearken.staff.token-secret (HEARKEN_STAFF_TOKENSECRET) is a default or demo value; set a random"
                                + " one (openssl rand -hex 32)",
                        "hearken.web.open311.api-keys (HEARKEN_WEB_OPEN311_APIKEYS) contains a demo key ('demo');"
                                + " set your clients' own keys"));
    }

    @Test
    void aSpringBootApplicationWithProdAndProductionSettingsStarts() {
        SpringApplicationBuilder app = new SpringApplicationBuilder(Empty.class).web(WebApplicationType.NONE)
                .profiles("prod").properties(secure());
        try (ConfigurableApplicationContext context = app.run()) {
            assertThat(context.getEnvironment().getActiveProfiles()).contains("prod");
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Empty {
    }
}
