package io.hearken.events.config;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** Settings several modules read, bound and validated once for every deployable. */
@AutoConfiguration
@EnableConfigurationProperties(HearkenMailProperties.class)
public class SharedSettingsAutoConfiguration {
}
