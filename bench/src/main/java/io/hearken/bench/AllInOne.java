package io.hearken.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The all-in-one as a child JVM ({@code java -jar app/target/hearken.jar}) on a fresh data folder and free ports,
 * with the intake rate limits lifted (they are per client address, and the harness is one address).
 */
final class AllInOne implements AutoCloseable {

    static final String HOTLINE_KEY = "bench-hotline-key";

    final Path dataDir;
    final int webPort;
    final int kafkaPort;
    final int esPort;
    final int smtpPort;
    final int imapPort;
    final Path log;
    private final ProcessBuilder builder;
    /** The cgroup it runs in with --memory-limit, else null. */
    final MemoryLimit memoryLimit;
    private Process process;
    private final boolean keepData;
    private long elasticsearchPid;
    private double startupSeconds;

    private AllInOne(Path dataDir, int[] ports, ProcessBuilder builder, MemoryLimit memoryLimit, Process process, Path log,
            boolean keepData) {
        this.dataDir = dataDir;
        this.webPort = ports[0];
        this.kafkaPort = ports[1];
        this.esPort = ports[2];
        this.smtpPort = ports[3];
        this.imapPort = ports[4];
        this.builder = builder;
        this.memoryLimit = memoryLimit;
        this.process = process;
        this.log = log;
        this.keepData = keepData;
    }

    static AllInOne start(Settings s) throws IOException {
        Path jar = s.appJar().toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No " + jar + ": build it first (./mvnw -DskipTests -pl app -am package)");
        }
        // Readable by others: as root the embedded Elasticsearch runs as 'nobody' and needs to reach its folder.
        Path dir = Files.createTempDirectory("hearken-bench-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        int[] ports = freePorts(5);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        if (!s.heap().isBlank()) {
            command.add("-Xmx" + s.heap());
        }
        if (s.nmt()) {
            command.add("-XX:NativeMemoryTracking=summary");
        }
        command.addAll(s.jvmOptions());
        command.addAll(List.of("-jar", jar.toString(),
                "--hearken.embedded.data-dir=" + dir.resolve("data"),
                "--hearken.hotline.inbox=" + dir.resolve("data/hotline/inbox"),
                "--server.port=" + ports[0],
                "--hearken.embedded.kafka.port=" + ports[1],
                "--hearken.embedded.elasticsearch.port=" + ports[2],
                "--hearken.embedded.mail.smtp-port=" + ports[3],
                "--hearken.embedded.mail.imap-port=" + ports[4],
                "--hearken.web.rate-limit.capacity=100000000",
                "--hearken.router.triage-limit.capacity=100000000",
                "--hearken.hotline.api-keys=" + HOTLINE_KEY));
        Path log = dir.resolve("all-in-one.log");
        MemoryLimit limit = s.memoryLimit().isBlank() ? null
                : MemoryLimit.create(dir.getFileName().toString(), MemoryLimit.bytes(s.memoryLimit()));
        ProcessBuilder builder = new ProcessBuilder(limit == null ? command : limit.wrap(command))
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        // glibc makes up to 8 malloc arenas per core for the threads that allocate natively (RocksDB, zstd, the
        // JIT): each keeps its freed pages. Inherited by Elasticsearch, as in the Dockerfile (docs/operations.md).
        if (s.mallocArenas() > 0) {
            builder.environment().put("MALLOC_ARENA_MAX", Integer.toString(s.mallocArenas()));
        }
        Process p = builder.start();
        AllInOne app = new AllInOne(dir, ports, builder, limit, p, log, s.keepData());
        Runtime.getRuntime().addShutdownHook(new Thread(app::kill));
        return app;
    }

    /** Waits for /actuator/health UP (every component); the seconds from the start are the start-up time. */
    double awaitHealthy(Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long started = process.info().startInstant().map(i -> i.toEpochMilli()).orElse(System.currentTimeMillis());
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The all-in-one exited (" + process.exitValue() + "); log: " + log);
            }
            try {
                var r = http.send(HttpRequest.newBuilder(URI.create(web() + "/actuator/health"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) { // 503 until every component is UP
                    startupSeconds = (System.currentTimeMillis() - started) / 1000.0;
                    elasticsearchPid = findElasticsearch();
                    return startupSeconds;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("The all-in-one was not healthy within " + timeout + "; log: " + log);
    }

    /**
     * Stops the all-in-one as an operator does (SIGTERM: it closes the application, then its Kafka, Elasticsearch and
     * mail server) and starts it again on the same data folder and ports; its log goes on in the same file. Returns
     * the seconds the stop took. Then {@link #awaitHealthy} times the start from the new JVM's start.
     */
    double restart(Duration stopTimeout) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        if (!process.waitFor(stopTimeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("The all-in-one did not stop within " + stopTimeout + "; log: " + log);
        }
        double stopped = (System.nanoTime() - t0) / 1e9;
        for (ProcessHandle child : children) { // it stops its Elasticsearch itself; one left over is a finding
            if (child.isAlive()) {
                throw new IllegalStateException("The all-in-one exited, but its child " + child.pid()
                        + " (" + Machine.commandLine(child.pid()).strip() + ") still runs; log: " + log);
            }
        }
        process = builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        elasticsearchPid = 0;
        return stopped;
    }

    String web() {
        return "http://127.0.0.1:" + webPort;
    }

    String elasticsearch() {
        return "http://127.0.0.1:" + esPort;
    }

    String kafka() {
        return "127.0.0.1:" + kafkaPort;
    }

    long pid() {
        return process.pid();
    }

    /** The Elasticsearch node's JVM (not its launcher): the descendant whose command line runs the node. */
    long elasticsearchPid() {
        return elasticsearchPid;
    }

    /** Every process of the all-in-one: its JVM, Elasticsearch's launcher and node. */
    List<Long> pids() {
        return Machine.tree(process.pid());
    }

    /** {@code jcmd VM.native_memory summary} of the all-in-one's JVM (started with {@code --nmt}), or why not. */
    String nativeMemorySummary() {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid()), "VM.native_memory", "summary")
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
            return out.strip();
        } catch (IOException e) {
            return "jcmd failed: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private long findElasticsearch() {
        Optional<Long> node = pids().stream()
                .filter(pid -> Machine.commandLine(pid).contains("org.elasticsearch.bootstrap.Elasticsearch"))
                .findFirst();
        return node.orElse(0L);
    }

    private void kill() {
        if (process.isAlive()) {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
        }
    }

    @Override
    public void close() {
        kill();
        try {
            process.onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        if (memoryLimit != null) {
            try {
                memoryLimit.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (!keepData) {
            try (Stream<Path> all = Files.walk(dataDir)) {
                all.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static int[] freePorts(int n) throws IOException {
        int[] ports = new int[n];
        List<ServerSocket> open = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                ServerSocket s = new ServerSocket(0);
                open.add(s);
                ports[i] = s.getLocalPort();
            }
        } finally {
            for (ServerSocket s : open) {
                s.close();
            }
        }
        return ports;
    }
}
