package io.hearken.router;

import io.hearken.router.cli.RouterCli;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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
            // UTF-8 whatever the platform's locale: labels and texts are often Chinese.
            System.exit(RouterCli.run(args, new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8),
                    new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8)));
        }
        SpringApplication.run(RouterApplication.class, args);
    }
}
