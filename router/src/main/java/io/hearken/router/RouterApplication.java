package io.hearken.router;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/** The router on its own (docker-compose); the all-in-one uses the auto-configuration. */
@SpringBootConfiguration
@EnableAutoConfiguration
public class RouterApplication {

    public static void main(String[] args) {
        SpringApplication.run(RouterApplication.class, args);
    }
}
