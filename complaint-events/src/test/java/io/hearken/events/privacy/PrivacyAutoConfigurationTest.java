package io.hearken.events.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class PrivacyAutoConfigurationTest {

    final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class,
                    PrivacyAutoConfiguration.class));

    @Test
    void oneKeyedHashForTheWholeDeployable() {
        runner.withPropertyValues("hearken.privacy.secret=a-test-secret").withUserConfiguration(HashingBean.class)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(Hashing.class).personalData().hash("13812345678"))
                            .isEqualTo(new PersonalData("a-test-secret").hash("13812345678"));
                    assertThat(context.getBean(PrivacyProperties.class).toString()).doesNotContain("a-test-secret");
                });
    }

    @Test
    void aModuleThatHashesRefusesToStartWithoutTheSecret() {
        for (String secret : new String[] {null, "", "   "}) {
            var r = secret == null ? runner : runner.withPropertyValues("hearken.privacy.secret=" + secret);
            r.withUserConfiguration(HashingBean.class).run(context -> {
                assertThat(context).hasFailed();
                assertThat(context.getStartupFailure()).rootCause()
                        .hasMessageContaining("hearken.privacy.secret (HEARKEN_PRIVACY_SECRET) is not set");
            });
        }
    }

    @Test
    void aModuleThatHashesNothingStartsWithoutIt() {
        runner.run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void theOpenedKeysKeptAreASettingWithADefaultAndABound() {
        runner.run(context -> assertThat(context.getBean(PrivacyProperties.class).openedKeys()).isEqualTo(25_000));
        runner.withPropertyValues("hearken.privacy.opened-keys=50000")
                .run(context -> assertThat(context.getBean(PrivacyProperties.class).openedKeys()).isEqualTo(50_000));
        // Bound lazily, as the secret: the first bean that needs the settings fails, naming the setting.
        runner.withPropertyValues("hearken.privacy.opened-keys=0").run(context -> assertThatThrownBy(
                () -> context.getBean(PrivacyProperties.class)).rootCause().hasMessageContaining("hearken.privacy.opened-keys"));
    }

    /** Stands for a module's bean that hashes contacts. */
    record Hashing(PersonalData personalData) {
    }

    @Configuration(proxyBeanMethods = false)
    static class HashingBean {
        @Bean
        Hashing hashing(PersonalData personalData) {
            return new Hashing(personalData);
        }
    }
}
