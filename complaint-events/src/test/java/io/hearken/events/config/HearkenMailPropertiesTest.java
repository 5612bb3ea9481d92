package io.hearken.events.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** {@code hearken.mail.domain}: bound once, defaulted, and a host name or the context does not start. */
class HearkenMailPropertiesTest {

    private final ApplicationContextRunner contexts = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SharedSettingsAutoConfiguration.class));

    @Test
    void theDomainDefaultsToHearkenLocalAndTakesTheSetting() {
        contexts.run(context -> assertThat(context.getBean(HearkenMailProperties.class).domain())
                .isEqualTo("hearken.local"));
        contexts.withPropertyValues("hearken.mail.domain=mail.office-3.example.org").run(context ->
                assertThat(context.getBean(HearkenMailProperties.class).domain()).isEqualTo("mail.office-3.example.org"));
    }

    @Test
    void aDomainThatIsNoHostNameStopsTheStart() {
        contexts.withPropertyValues("hearken.mail.domain=hearken local").run(context ->
                assertThat(context).hasFailed().getFailure().rootCause().hasMessageContaining("hearken.mail.domain"));
        for (String bad : new String[] {"", "a..b", "-x.org", "x-.org", "zhang@example.org", "x.org."}) {
            assertThatIllegalArgumentException().as(bad).isThrownBy(() -> new HearkenMailProperties(bad));
        }
        assertThat(new HearkenMailProperties("localhost").domain()).isEqualTo("localhost");
    }
}
