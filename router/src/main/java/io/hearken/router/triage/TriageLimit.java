package io.hearken.router.triage;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code hearken.router.triage-limit.*}: the open triage API is a classifier anyone may call, so each client
 * address gets {@code capacity} requests at once, refilled over {@code period}; above it 429 with Retry-After.
 */
@ConfigurationProperties("hearken.router.triage-limit")
record TriageLimit(@DefaultValue("60") int capacity, @DefaultValue("1m") Duration period) {
}
