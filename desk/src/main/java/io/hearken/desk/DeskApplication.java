package io.hearken.desk;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/** The desk on its own (docker-compose); the all-in-one uses the auto-configuration. */
@SpringBootConfiguration
@EnableAutoConfiguration
public class DeskApplication {

    public static void main(String[] args) {
        SpringApplication.run(DeskApplication.class, args);
    }
}
