package io.hearken.router;

import io.hearken.router.cli.RouterCli;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/**
 * The router on its own (docker-compose); the all-in-one uses the auto-configuration. With
 * {@code train} or {@code evaluate} as first argument it runs the model tool instead, without
 * starting Spring or Kafka.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class RouterApplication {

    public static void main(String[] args) {
        if (RouterCli.isCommand(args)) {
            System.exit(RouterCli.run(args, System.out, System.err));
        }
        SpringApplication.run(RouterApplication.class, args);
    }
}
