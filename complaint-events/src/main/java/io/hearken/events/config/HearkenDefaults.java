package io.hearken.events.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * The settings every deployable shares (Kafka client guarantees, actuator exposure), written once in
 * {@code hearken-defaults.yml} and added with the lowest precedence: any {@code application.yml}, environment
 * variable or argument still wins. Without it each service jar would start with the client libraries' defaults.
 * Also pins Jakarta Mail's stream provider ({@link MailStreamProvider}) for every deployable that handles mail.
 */
public class HearkenDefaults implements EnvironmentPostProcessor {

    static final String NAME = "hearkenDefaults";
    private static final String FILE = "io/hearken/events/config/hearken-defaults.yml";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getPropertySources().contains(NAME)) {
            return;
        }
        MailStreamProvider.pin(application.getClassLoader());
        try {
            new YamlPropertySourceLoader().load(NAME, new ClassPathResource(FILE, HearkenDefaults.class.getClassLoader()))
                    .forEach(environment.getPropertySources()::addLast);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + FILE, e);
        }
    }
}
