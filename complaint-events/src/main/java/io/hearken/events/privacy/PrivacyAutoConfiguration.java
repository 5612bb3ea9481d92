package io.hearken.events.privacy;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.env.Environment;

/**
 * The privacy settings and the one {@link PersonalData} built from them. Both lazy: a deployable that hashes no
 * contact (the desk, the notifier) starts without a secret, and one that does fails at start-up, naming
 * {@code hearken.privacy.secret}, as soon as a bean of it asks for {@link PersonalData}.
 */
@AutoConfiguration
public class PrivacyAutoConfiguration {

    @Bean
    @Lazy
    @ConditionalOnMissingBean
    PrivacyProperties hearkenPrivacyProperties(Environment environment) {
        // Bound here rather than by @EnableConfigurationProperties, which would bind (and fail) eagerly everywhere.
        return Binder.get(environment).bindOrCreate("hearken.privacy", PrivacyProperties.class);
    }

    @Bean
    @Lazy
    @ConditionalOnMissingBean
    PersonalData personalData(PrivacyProperties properties) {
        return new PersonalData(properties.requiredSecret());
    }
}
