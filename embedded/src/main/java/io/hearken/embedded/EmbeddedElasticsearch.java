package io.hearken.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Elasticsearch 8.19 node as a child process, from the distribution the build unpacked under
 * {@code embedded/target/elasticsearch}. It runs on this JVM's Java (the zip bundles none), as
 * {@code nobody} when we are root (Elasticsearch refuses root), with a pid file so that a node left
 * behind by a killed parent is stopped on the next start. Here the node's settings and readiness; the process is
 * {@link NodeProcess}, the distribution and instance files {@link NodeFiles}, HTTPS and users {@link ElasticsearchSecurity}.
 */
public final class EmbeddedElasticsearch implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedElasticsearch.class);

    private final Process process;
    private final int port;
    private final Path instanceDir;
    private final ElasticsearchSecurity security;

    private EmbeddedElasticsearch(Process process, int port, Path instanceDir, ElasticsearchSecurity security) {
        this.process = process;
        this.port = port;
        this.instanceDir = instanceDir;
        this.security = security;
    }

    /** The unpacked distribution the build wrote down, or the one named by {@code override}. */
    public static Path home(String override) {
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        try (InputStream in = EmbeddedElasticsearch.class.getResourceAsStream("/META-INF/hearken/embedded.properties")) {
            Properties p = new Properties();
            p.load(in);
            return Path.of(p.getProperty("elasticsearch.home"));
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("META-INF/hearken/embedded.properties is missing: rebuild the embedded module", e);
        }
    }

    /**
     * Starts a node whose config, data, logs and temp files live in {@code instanceDir} (kept between
     * runs of the all-in-one), on {@code port} (0 = a free port).
     */
    public static EmbeddedElasticsearch start(Path home, Path instanceDir, int port, String heap) throws Exception {
        return start(home, instanceDir, port, heap, false);
    }

    /** The same; {@code secured}: security and HTTPS on, as {@link ElasticsearchSecurity} sets them up. */
    public static EmbeddedElasticsearch start(Path home, Path instanceDir, int port, String heap, boolean secured)
            throws Exception {
        if (!Files.isRegularFile(home.resolve("bin/elasticsearch"))) {
            throw new IllegalStateException("No Elasticsearch distribution at " + home
                    + ". Build first (./mvnw -DskipTests package), or set hearken.embedded.elasticsearch.home.");
        }
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root && !NodeFiles.readableByOthers(home)) {
            home = NodeFiles.copyToSharedPlace(home);
        }
        Path config = instanceDir.resolve("config");
        Path data = instanceDir.resolve("data");
        Path logs = instanceDir.resolve("logs");
        Path tmp = instanceDir.resolve("tmp");
        NodeProcess.stopStaleNode(instanceDir);
        for (Path dir : List.of(data, logs, tmp, config.resolve("jvm.options.d"))) {
            Files.createDirectories(dir);
        }
        NodeFiles.copyTree(home.resolve("config"), config, false);
        int httpPort = port == 0 ? Ports.free() : port;
        // A fixed port only: a free one may be held for an instant by a parallel pick (the other server's).
        if (port != 0 && Ports.inUse(httpPort)) {
            throw new IllegalStateException("Port " + httpPort + " is taken: another Elasticsearch is running? "
                    + "Stop it, or point hearken.elasticsearch.uris at it to use it instead.");
        }
        ElasticsearchSecurity security = secured ? ElasticsearchSecurity.configure(config) : null;
        List<String> settings = new ArrayList<>(List.of(
                "cluster.name: hearken-embedded",
                "node.name: hearken",
                "network.host: 127.0.0.1",
                "http.port: " + httpPort,
                "transport.port: " + Ports.free(),
                "discovery.type: single-node",
                "xpack.ml.enabled: false",
                "cluster.routing.allocation.disk.threshold_enabled: false",
                "action.auto_create_index: true",
                "path.data: " + data,
                "path.logs: " + logs));
        settings.addAll(secured ? security.settings() : List.of("xpack.security.enabled: false"));
        settings.add("");
        Files.writeString(config.resolve("elasticsearch.yml"), String.join("\n", settings));
        // Small heap, no pre-touch: the all-in-one must fit in 1.5 GB on 2 cores.
        Files.writeString(config.resolve("jvm.options.d/hearken.options"),
                "-Xms" + heap + "\n-Xmx" + heap + "\n-XX:-AlwaysPreTouch\n-Xlog:disable\n-Xlog:all=warning:stderr\n");
        if (root) {
            NodeFiles.chownToNobody(instanceDir);
        }

        Process process = NodeProcess.launch(home, instanceDir, config, logs, tmp, root);
        EmbeddedElasticsearch node = new EmbeddedElasticsearch(process, httpPort, instanceDir, security);
        try {
            node.awaitReady(Duration.ofSeconds(180));
        } catch (Exception e) {
            node.close();
            throw e;
        }
        log.info("Elasticsearch {} ready on {} (data in {})", home.getFileName(), node.uri(), data);
        return node;
    }

    public String uri() {
        return (security == null ? "http" : "https") + "://127.0.0.1:" + port;
    }

    /** The user, its password and the CA certificate of a secured node; {@code null} for a plain one. */
    public ElasticsearchSecurity security() {
        return security;
    }

    public int port() {
        return port;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    private void awaitReady(Duration timeout) throws Exception {
        HttpClient.Builder client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri() + "/_cluster/health?wait_for_status=yellow&timeout=1s"))
                .timeout(Duration.ofSeconds(3));
        HttpClient http = (security == null ? client : security.trusting(client)).build();
        HttpRequest health = (security == null ? request : security.signedIn(request)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Elasticsearch exited with code " + process.exitValue()
                        + " during start-up; its output:\n" + output());
            }
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("Elasticsearch did not become ready within " + timeout + "; its output:\n"
                + output());
    }

    /** SIGTERM to the launcher and the server it started; SIGKILL after 30 s. */
    @Override
    public void close() {
        NodeProcess.terminate(process.toHandle());
        try {
            Files.deleteIfExists(instanceDir.resolve(NodeProcess.PID_FILE));
        } catch (IOException ignored) {
            // the next start checks the pid anyway
        }
    }

    /**
     * What the node said: its console and its own log (a node that fails after its bootstrap writes the reason there
     * and leaves the console empty), and a JVM crash report if there is one.
     */
    private String output() {
        Path logs = instanceDir.resolve("logs");
        List<Path> files = new ArrayList<>(List.of(logs.resolve("console.log"), logs.resolve("hearken-embedded.log")));
        try (var listed = Files.list(logs)) {
            listed.filter(f -> f.getFileName().toString().startsWith("hs_err")).sorted().forEach(files::add);
        } catch (IOException e) {
            // nothing more to show
        }
        StringBuilder out = new StringBuilder();
        for (Path file : files) {
            out.append("--- ").append(file.getFileName()).append('\n').append(tail(file)).append('\n');
        }
        return out.toString();
    }

    private static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }
}
