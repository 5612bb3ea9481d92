package io.hearken.app;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The all-in-one: every module's auto-configuration plus the embedded servers, in one JVM. */
@SpringBootApplication
public class HearkenApplication {

    public static void main(String[] args) {
        IdleHeapReturn.apply();
        SpringApplication app = new SpringApplication(HearkenApplication.class);
        // The router's RocksDB stores beside the embedded Kafka's data, so a restart reuses them (tests, which do not
        // come through here, get a fresh temp folder each).
        app.setDefaultProperties(Map.of("spring.kafka.streams.state-dir", "${hearken.embedded.data-dir:data}/router-state"));
        app.run(args);
    }
}
