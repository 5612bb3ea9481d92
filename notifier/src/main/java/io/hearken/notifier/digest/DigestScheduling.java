package io.hearken.notifier.digest;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Turns on Spring's scheduler for the daily digest unless {@code hearken.notifier.digest.enabled=false}. */
@Configuration(value = "notifierDigestScheduling", proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "hearken.notifier.digest", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableScheduling
class DigestScheduling {
}
