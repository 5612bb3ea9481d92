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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * One deployable run as an operator runs it: {@code java -jar <module>.jar} in its own JVM, its own working folder,
 * on its own HTTP port, output in {@code <logDir>/<name>.log}. {@link #kill()} is SIGKILL (on Linux
 * {@link Process#destroyForcibly()} sends SIGKILL, {@link Process#destroy()} SIGTERM); every child still alive when
 * this JVM exits is killed by a shutdown hook, so a failed or interrupted test leaves no JVMs behind.
 */
public final class ServiceProcess {

    /** Small-footprint JVMs: eight of them share 2 cores in CI. C1 only starts Spring noticeably faster there. */
    public static final List<String> SMALL_JVM = List.of("-Xmx256m", "-Xss512k", "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC", "-XX:ReservedCodeCacheSize=64m", "-Xshare:auto", "-Dfile.encoding=UTF-8");

    private static final Set<ServiceProcess> LIVE = ConcurrentHashMap.newKeySet();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ServiceProcess::killAll, "topology-kill-children"));
    }

    private final String name;
    private final Path jar;
    private final int port;
    private final List<String> jvmOptions;
    private final List<String> args;
    private final Map<String, String> env;
    private final Path workDir;
    private final Path log;
    private volatile Process process;
    private volatile long startedNanos;
    private volatile Duration startUp;

    public ServiceProcess(String name, Path jar, int port, List<String> jvmOptions, List<String> args,
            Map<String, String> env, Path logDir) {
        this.name = name;
        this.jar = jar.toAbsolutePath().normalize();
        this.port = port;
        this.jvmOptions = List.copyOf(jvmOptions);
        this.args = List.copyOf(args);
        this.env = Map.copyOf(env);
        this.workDir = logDir.resolve(name).toAbsolutePath();
        this.log = logDir.resolve(name + ".log").toAbsolutePath();
    }

    /** Starts the JVM (the log is appended to, so a restart keeps the earlier run's lines above). */
    public synchronized ServiceProcess start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(name + " is already running (pid " + process.pid() + ")");
        }
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No runnable jar " + jar + ": build it first (./mvnw verify, or "
                    + "./mvnw -pl topology-test -am verify), the module's package phase makes it");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port));
        command.addAll(args);
        try {
            Files.createDirectories(workDir);
            Files.writeString(log, "### " + String.join(" ", command) + System.lineSeparator(), StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            // Nothing of the test JVM's own tuning leaks into the service: it is configured only by what is given here.
            builder.environment().remove("JAVA_TOOL_OPTIONS");
            builder.environment().remove("JDK_JAVA_OPTIONS");
            builder.environment().remove("SPRING_PROFILES_ACTIVE");
            builder.environment().putAll(env);
            startedNanos = System.nanoTime();
            startUp = null;
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name, e);
        }
        LIVE.add(this);
        return this;
    }

    /** Waits until {@code /actuator/health} answers UP; fails at once (with the log's tail) if the JVM exits. */
    public ServiceProcess awaitHealthy(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest health = HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                .timeout(Duration.ofSeconds(5)).build();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            Process p = process;
            if (p == null || !p.isAlive()) {
                throw new IllegalStateException(name + " exited" + (p == null ? "" : " with code " + p.exitValue())
                        + " before it was healthy; its log:\n" + tail(80));
            }
            try {
                HttpResponse<String> answer = HTTP.send(health, HttpResponse.BodyHandlers.ofString());
                last = answer.statusCode() + " " + answer.body();
                if (answer.statusCode() == 200 && "UP".equals(Probe.JSON.readTree(answer.body()).path("status").asString())) {
                    if (startUp == null) { // asked again later (a shared topology), it stays the start-up time
                        startUp = Duration.ofNanos(System.nanoTime() - startedNanos);
                    }
                    return this;
                }
            } catch (IOException | tools.jackson.core.JacksonException notYet) {
                last = notYet.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(500);
        }
        throw new IllegalStateException(name + " not healthy within " + timeout + " (last: " + last + "); its log:\n"
                + tail(80));
    }

    /** SIGKILL: no shutdown hook, no flush, no leaving the consumer group. Returns once the process is gone. */
    public void kill() {
        Process p = process;
        if (p != null) {
            p.destroyForcibly();
            waitFor(p, Duration.ofSeconds(30));
        }
        LIVE.remove(this);
    }

    /** SIGTERM (Spring's graceful shutdown), SIGKILL after {@code grace}. */
    public void stop(Duration grace) {
        Process p = process;
        if (p != null && p.isAlive()) {
            p.destroy();
            if (!waitFor(p, grace)) {
                p.destroyForcibly();
                waitFor(p, Duration.ofSeconds(30));
            }
        }
        LIVE.remove(this);
    }

    /** Stops (SIGTERM) and starts again on the same port and folder; await health afterwards. */
    public ServiceProcess restart(Duration grace) {
        stop(grace);
        return start();
    }

    public boolean isAlive() {
        Process p = process;
        return p != null && p.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public Path logFile() {
        return log;
    }

    public Path workDir() {
        return workDir;
    }

    /** From start to the first healthy answer of the latest start, or {@code null} while not healthy yet. */
    public Duration startUpTime() {
        return startUp;
    }

    /** The last {@code lines} lines of the log. */
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

    /** The tail of every log, for a failed test. */
    public static String tails(List<ServiceProcess> services, int lines) {
        StringBuilder out = new StringBuilder();
        for (ServiceProcess s : services) {
            out.append(System.lineSeparator()).append("===== ").append(s.name).append(s.isAlive() ? " (running)" : " (not running)")
                    .append(", last ").append(lines).append(" lines of ").append(s.log).append(" =====")
                    .append(System.lineSeparator()).append(s.tail(lines)).append(System.lineSeparator());
        }
        return out.toString();
    }

    /** SIGKILL to every child of this JVM that is still running. */
    public static void killAll() {
        for (ServiceProcess s : List.copyOf(LIVE)) {
            Process p = s.process;
            if (p != null) {
                p.destroyForcibly();
            }
        }
        for (ServiceProcess s : List.copyOf(LIVE)) {
            Process p = s.process;
            if (p != null) {
                waitFor(p, Duration.ofSeconds(10));
            }
        }
        LIVE.clear();
    }

    /** Name → value pairs as {@code --name=value} arguments, in order. */
    public static List<String> arguments(Map<String, ?> properties) {
        List<String> out = new ArrayList<>();
        new LinkedHashMap<>(properties).forEach((k, v) -> out.add("--" + k + "=" + v));
        return out;
    }

    private static boolean waitFor(Process p, Duration timeout) {
        try {
            return p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return name + "@" + port + (isAlive() ? " pid " + process.pid() : " (stopped)");
    }
}
