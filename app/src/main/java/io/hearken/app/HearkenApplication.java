package io.hearken.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The all-in-one: every module's auto-configuration plus the embedded servers, in one JVM. */
@SpringBootApplication
public class HearkenApplication {

    public static void main(String[] args) {
        IdleHeapReturn.apply();
        SpringApplication.run(HearkenApplication.class, args);
    }
}
