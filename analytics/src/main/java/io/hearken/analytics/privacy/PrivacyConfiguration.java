package io.hearken.analytics.privacy;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@code hearken.analytics.privacy.*}; the use cases are components of this package. */
@Configuration(value = "analyticsPrivacyConfiguration", proxyBeanMethods = false)
@EnableConfigurationProperties(ErasureProperties.class)
class PrivacyConfiguration {
}
