package io.hearken.intake.email;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/** The email channel on its own (docker-compose); the all-in-one uses the auto-configuration. */
@SpringBootConfiguration
@EnableAutoConfiguration
public class EmailIntakeApplication {

    public static void main(String[] args) {
        SpringApplication.run(EmailIntakeApplication.class, args);
    }
}
