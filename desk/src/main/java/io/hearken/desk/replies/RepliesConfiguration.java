package io.hearken.desk.replies;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@code hearken.desk.replies.*}; a mistake there stops the start with the setting's name. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CannedRepliesProperties.class)
class RepliesConfiguration {
}
