package io.hearken.intake.web;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/** The web channel on its own (docker-compose); the all-in-one uses the auto-configuration. */
@SpringBootConfiguration
@EnableAutoConfiguration
public class WebIntakeApplication {

    public static void main(String[] args) {
        SpringApplication.run(WebIntakeApplication.class, args);
    }
}
