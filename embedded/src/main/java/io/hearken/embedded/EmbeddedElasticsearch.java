package io.hearken.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
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
 * behind by a killed parent is stopped on the next start.
 */
public final class EmbeddedElasticsearch implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedElasticsearch.class);
    private static final String PID_FILE = "hearken-elasticsearch.pid";
    private static final Path SETSID = Path.of("/usr/bin/setsid");

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
        if (root && !readableByOthers(home)) {
            home = copyToSharedPlace(home);
        }
        Path config = instanceDir.resolve("config");
        Path data = instanceDir.resolve("data");
        Path logs = instanceDir.resolve("logs");
        Path tmp = instanceDir.resolve("tmp");
        stopStaleNode(instanceDir);
        for (Path dir : List.of(data, logs, tmp, config.resolve("jvm.options.d"))) {
            Files.createDirectories(dir);
        }
        copyTree(home.resolve("config"), config, false);
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
            chownToNobody(instanceDir);
        }

        List<String> command = new ArrayList<>();
        if (Files.isExecutable(SETSID)) {
            // Its own session: Ctrl-C in the terminal must not reach the node before the application has
            // stopped using it; close() stops it afterwards, and a stale node is cleaned up at the next start.
            command.add(SETSID.toString());
        }
        if (root) {
            command.addAll(List.of("setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"));
        }
        command.addAll(List.of("bash", home.resolve("bin/elasticsearch").toString(), "-p", logs.resolve("server.pid").toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve("console.log").toFile()));
        builder.environment().put("ES_JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("ES_PATH_CONF", config.toString());
        builder.environment().put("ES_TMPDIR", tmp.toString());
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().remove("ES_JAVA_OPTS");
        // The launcher JVM stays alive beside the node: C1 only and a small code cache save it ~20 MB (100 → 79).
        builder.environment().put("CLI_JAVA_OPTS", "-XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=16m -Xss512k");
        Process process = builder.start();
        Files.writeString(instanceDir.resolve(PID_FILE), Long.toString(process.pid()));
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
                        + " during start-up; its output:\n" + tail(instanceDir.resolve("logs/console.log")));
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
                + tail(instanceDir.resolve("logs/console.log")));
    }

    /** SIGTERM to the launcher and the server it started; SIGKILL after 30 s. */
    @Override
    public void close() {
        terminate(process.toHandle());
        try {
            Files.deleteIfExists(instanceDir.resolve(PID_FILE));
        } catch (IOException ignored) {
            // the next start checks the pid anyway
        }
    }

    private static void terminate(ProcessHandle handle) {
        List<ProcessHandle> all = new ArrayList<>(handle.descendants().toList());
        all.add(handle);
        all.forEach(ProcessHandle::destroy);
        for (ProcessHandle p : all) {
            try {
                p.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception timeout) {
                p.destroyForcibly();
            }
        }
    }

    /** A parent killed with SIGKILL leaves its node running; its pid file tells us which one it was. */
    private static void stopStaleNode(Path instanceDir) throws IOException {
        Path pidFile = instanceDir.resolve(PID_FILE);
        if (!Files.exists(pidFile)) {
            return;
        }
        try {
            long pid = Long.parseLong(Files.readString(pidFile).strip());
            var node = ProcessHandle.of(pid)
                    .filter(p -> p.info().commandLine().map(c -> c.contains("elasticsearch")).orElse(false));
            // Still started by a live JVM: another all-in-one is using this data folder. Never kill that one.
            if (node.flatMap(ProcessHandle::parent)
                    .filter(parent -> parent.isAlive() && parent.info().command().map(c -> c.endsWith("java")).orElse(false))
                    .isPresent()) {
                throw new IllegalStateException("Another Hearken is running an Elasticsearch node on " + instanceDir
                        + " (pid " + pid + "). Stop it first, or use another hearken.embedded.data-dir.");
            }
            node.ifPresent(stale -> {
                log.warn("Stopping a stale Elasticsearch node (pid {}) left by an earlier run", pid);
                terminate(stale);
            });
        } catch (NumberFormatException ignored) {
            // a damaged pid file: nothing to stop
        }
        Path serverPid = instanceDir.resolve("logs/server.pid");
        if (Files.exists(serverPid)) {
            try {
                ProcessHandle.of(Long.parseLong(Files.readString(serverPid).strip()))
                        .filter(p -> p.info().commandLine().map(c -> c.contains("elasticsearch")).orElse(false))
                        .ifPresent(EmbeddedElasticsearch::terminate);
            } catch (NumberFormatException ignored) {
                // as above
            }
        }
        Files.deleteIfExists(pidFile);
    }

    static boolean readableByOthers(Path home) {
        try {
            for (Path p = home.toAbsolutePath(); p != null; p = p.getParent()) {
                if (!Files.getPosixFilePermissions(p).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                    return false;
                }
            }
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    /** Root's clone may sit where {@code nobody} cannot read (e.g. /root): use a copy in the temp folder. */
    private static Path copyToSharedPlace(Path home) throws IOException {
        Path shared = Path.of(System.getProperty("java.io.tmpdir"), "hearken-" + home.getFileName());
        Path marker = shared.resolve(".complete");
        if (!Files.exists(marker)) {
            log.info("Copying Elasticsearch to {} so the unprivileged user can read it", shared);
            copyTree(home, shared, true);
            Files.writeString(marker, "");
        }
        for (Path p = shared; p != null && p.getParent() != null; p = p.getParent()) {
            if (!Files.getPosixFilePermissions(p).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                throw new IllegalStateException(p + " is not readable by the user 'nobody'");
            }
        }
        return shared;
    }

    private static void copyTree(Path from, Path to, boolean overwrite) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Path target = to.resolve(from.relativize(file).toString());
                if (overwrite || !Files.exists(target)) {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void chownToNobody(Path dir) throws IOException {
        UserPrincipalLookupService lookup = dir.getFileSystem().getUserPrincipalLookupService();
        UserPrincipal nobody = lookup.lookupPrincipalByName("nobody");
        GroupPrincipal nogroup = lookup.lookupPrincipalByGroupName("nogroup");
        try (var paths = Files.walk(dir)) {
            paths.forEach(p -> {
                try {
                    Files.setOwner(p, nobody);
                    Files.getFileAttributeView(p, java.nio.file.attribute.PosixFileAttributeView.class).setGroup(nogroup);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
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
