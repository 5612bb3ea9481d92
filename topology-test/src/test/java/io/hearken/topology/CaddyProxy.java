package io.hearken.topology;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The public entry of docker-compose.yml run as is: the real {@code caddy} binary with
 * {@code docker/caddy/Caddyfile}, given by environment only what compose leaves to the defaults: the site
 * ({@code HEARKEN_SITE=:<port>}) and each upstream's host and port ({@code HEARKEN_UPSTREAM_<SERVICE>[_PORT]},
 * the placeholders of the file). Caddy's own state (autosaved config, certificates) stays under its folder.
 */
public final class CaddyProxy implements AutoCloseable {

    public static final Path CADDYFILE = Topology.ROOT.resolve("docker/caddy/Caddyfile");
    /** The binary: {@code caddy} on the PATH unless {@code -Dhearken.topology.caddy=<path>} names another (or none). */
    static final String CADDY = System.getProperty("hearken.topology.caddy", "caddy");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final int port;
    private final Map<String, String> env;
    private final Path workDir;
    private final Path log;
    private volatile Process process;

    /** {@code upstreams}: the Caddyfile's service name (e.g. {@code intake-web}) → the port it answers on, on 127.0.0.1. */
    public CaddyProxy(int port, Map<String, Integer> upstreams, Path logDir) {
        this.port = port;
        this.workDir = logDir.resolve("proxy").toAbsolutePath();
        this.log = logDir.resolve("proxy.log").toAbsolutePath();
        Map<String, String> e = new LinkedHashMap<>();
        e.put("HEARKEN_SITE", ":" + port);
        upstreams.forEach((service, upstreamPort) -> {
            String name = variable(service);
            // An IP address, not "localhost": its lookup may also give ::1, where the services do not listen.
            e.put(name, "127.0.0.1");
            e.put(name + "_PORT", String.valueOf(upstreamPort));
        });
        // Caddy's data and config folders (XDG): not the user's home.
        e.put("XDG_DATA_HOME", workDir.resolve("data").toString());
        e.put("XDG_CONFIG_HOME", workDir.resolve("config").toString());
        this.env = java.util.Collections.unmodifiableMap(e);
    }

    /** {@code HEARKEN_UPSTREAM_INTAKE_WEB} for {@code intake-web}: the Caddyfile's placeholder for that upstream's host. */
    static String variable(String service) {
        return "HEARKEN_UPSTREAM_" + service.toUpperCase(java.util.Locale.ROOT).replace('-', '_');
    }

    /** Why the proxy cannot run here ({@code caddy} not on the PATH), or {@code null} when it can. */
    public static String unavailable() {
        try {
            Process version = new ProcessBuilder(CADDY, "version").redirectErrorStream(true).start();
            String out = new String(version.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!version.waitFor(30, TimeUnit.SECONDS) || version.exitValue() != 0) {
                return "`caddy version` failed: " + out;
            }
            return null;
        } catch (IOException notInstalled) {
            return CADDY + " is not installed (apt-get install caddy, as .ci/run does): the checks through the proxy are skipped";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /** Starts {@code caddy run}; every placeholder set here must be one the Caddyfile has, or compose and test part. */
    public synchronized CaddyProxy start() {
        try {
            String file = Files.readString(CADDYFILE);
            List<String> unknown = env.keySet().stream().filter(k -> k.startsWith("HEARKEN_"))
                    .filter(k -> !file.contains("{$" + k + ":")).toList();
            if (!unknown.isEmpty()) {
                throw new IllegalStateException(CADDYFILE + " has no placeholder " + unknown);
            }
            Files.createDirectories(workDir);
            ProcessBuilder builder = new ProcessBuilder(CADDY, "run", "--config", CADDYFILE.toString(), "--adapter",
                    "caddyfile").directory(workDir.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(env);
            Files.writeString(log, "### " + env + " caddy run --config " + CADDYFILE + System.lineSeparator(),
                    StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            process = builder.start();
            Runtime.getRuntime().addShutdownHook(new Thread(this::close, "topology-stop-caddy"));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start caddy", e);
        }
    }

    /** Waits until Caddy itself answers: {@code /actuator} is refused by the proxy (404), whatever runs behind it. */
    public CaddyProxy awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest probe = HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator")).timeout(Duration.ofSeconds(5)).build();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            Process p = process;
            if (p == null || !p.isAlive()) {
                throw new IllegalStateException("caddy exited before it answered; its log:\n" + tail(40));
            }
            try {
                HttpResponse<Void> answer = HTTP.send(probe, HttpResponse.BodyHandlers.discarding());
                if (answer.statusCode() == 404) {
                    return this;
                }
                last = "HTTP " + answer.statusCode();
            } catch (IOException notYet) {
                last = notYet.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("caddy not answering within " + timeout + " (last: " + last + "); its log:\n" + tail(40));
    }

    /** The public address: what {@code HEARKEN_PUBLIC_URL} is in compose. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public boolean isAlive() {
        Process p = process;
        return p != null && p.isAlive();
    }

    public String tail(int lines) {
        try {
            if (!Files.exists(log)) {
                return "(no log)";
            }
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    /** SIGTERM (Caddy stops at once: no admin endpoint, nothing to drain in a test), SIGKILL after 10 s. */
    @Override
    public void close() {
        Process p = process;
        if (p != null && p.isAlive()) {
            p.destroy();
            try {
                if (!p.waitFor(10, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
            }
        }
    }
}
