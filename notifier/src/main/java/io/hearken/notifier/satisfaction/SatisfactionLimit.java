package io.hearken.notifier.satisfaction;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code hearken.notifier.satisfaction-limit.*}: the satisfaction page is open, so each client address gets
 * {@code capacity} page views and clicks at once, refilled over {@code period} (token guessing, floods).
 */
@ConfigurationProperties("hearken.notifier.satisfaction-limit")
record SatisfactionLimit(@DefaultValue("30") int capacity, @DefaultValue("1m") Duration period) {
}
