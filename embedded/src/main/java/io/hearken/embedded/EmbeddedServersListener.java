package io.hearken.embedded;

import java.util.Map;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts the embedded servers before any bean reads its connection settings, right after logging is
 * set up, and adds their addresses as properties. Does nothing unless {@code hearken.embedded.mode}
 * is {@code all-in-one} or {@code test}.
 */
public class EmbeddedServersListener implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    public static final String PROPERTY_SOURCE = "hearkenEmbeddedServers";

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        ConfigurableEnvironment env = event.getEnvironment();
        if (EmbeddedSettings.mode(env) == EmbeddedSettings.Mode.OFF || env.getPropertySources().contains(PROPERTY_SOURCE)) {
            return;
        }
        EmbeddedServers running = EmbeddedSettings.secured(env) ? EmbeddedServers.currentSecured() : EmbeddedServers.current();
        EmbeddedServers servers = EmbeddedServers.shared(running == null ? EmbeddedSettings.from(env)
                : EmbeddedSettings.from(env, running.dataDir()));
        Map<String, Object> properties = servers.properties();
        // Last: an address a test or the user configured explicitly still wins.
        env.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE, properties));
    }

    @Override
    public int getOrder() {
        return LoggingApplicationListener.DEFAULT_ORDER + 1;
    }
}
