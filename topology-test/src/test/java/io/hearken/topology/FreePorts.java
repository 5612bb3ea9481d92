package io.hearken.topology;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports for the services, chosen below the kernel's ephemeral range: a port from that range (what
 * {@code new ServerSocket(0)} gives) can be taken by any outgoing connection of the many Kafka and HTTP clients
 * on the machine before the child JVM binds it; then that service fails to start, or another process answers
 * its health check.
 */
public final class FreePorts {

    private static final int LOW = 10_000;
    private static final Set<Integer> GIVEN = ConcurrentHashMap.newKeySet();

    private FreePorts() {
    }

    /** A port nothing listens on now (on any interface), never given out before by this JVM. */
    public static int next() {
        int high = Math.max(LOW + 1000, ephemeralLow());
        for (int attempt = 0; attempt < 500; attempt++) {
            int port = LOW + ThreadLocalRandom.current().nextInt(Math.max(1, high - LOW));
            if (!GIVEN.add(port)) {
                continue;
            }
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(false);
                socket.bind(new InetSocketAddress(port));
                return port;
            } catch (IOException taken) {
                // another one
            }
        }
        throw new IllegalStateException("no free port between " + LOW + " and " + high);
    }

    private static int ephemeralLow() {
        try {
            // readAllLines, not readString: the latter reads a /proc file (size 0) short
            return Integer.parseInt(Files.readAllLines(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).get(0)
                    .strip().split("\\s+")[0]);
        } catch (IOException | RuntimeException notLinux) {
            return 32_768; // Linux's default lower bound
        }
    }
}
