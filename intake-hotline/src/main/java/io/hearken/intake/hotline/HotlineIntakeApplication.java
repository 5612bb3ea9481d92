package io.hearken.intake.hotline;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/** The hotline channel on its own (docker-compose); the all-in-one uses the auto-configuration. */
@SpringBootConfiguration
@EnableAutoConfiguration
public class HotlineIntakeApplication {

    public static void main(String[] args) {
        SpringApplication.run(HotlineIntakeApplication.class, args);
    }
}
