package io.hearken.analytics;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/** The analytics service on its own (docker-compose); the all-in-one uses the auto-configuration. */
@SpringBootConfiguration
@EnableAutoConfiguration
public class AnalyticsApplication {

    public static void main(String[] args) {
        SpringApplication.run(AnalyticsApplication.class, args);
    }
}
