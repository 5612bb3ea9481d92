package io.hearken.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Elasticsearch child process: launched in a session of its own (as {@code nobody} when we are root), its pid
 * written down, stopped with its whole process tree, and a node left behind by a killed parent found by that pid and
 * stopped at the next start.
 */
final class NodeProcess {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedElasticsearch.class);
    static final String PID_FILE = "hearken-elasticsearch.pid";
    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private NodeProcess() {
    }

    /** Starts {@code bin/elasticsearch} of {@code home} on the config in {@code config}, and notes its pid. */
    static Process launch(Path home, Path instanceDir, Path config, Path logs, Path tmp, boolean root) throws IOException {
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
        // Two glibc malloc arenas instead of up to 8 per core: the node's native allocations (Lucene, Netty, the
        // JIT) keep fewer freed pages resident (docs/operations.md, "Memory").
        builder.environment().putIfAbsent("MALLOC_ARENA_MAX", "2");
        // The launcher JVM stays alive beside the node: C1 only and a small code cache save it ~20 MB (100 → 79).
        builder.environment().put("CLI_JAVA_OPTS", "-XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=16m -Xss512k");
        Process process = builder.start();
        Files.writeString(instanceDir.resolve(PID_FILE), Long.toString(process.pid()));
        return process;
    }

    /** SIGTERM to the process and everything it started; SIGKILL after 30 s. */
    static void terminate(ProcessHandle handle) {
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
    static void stopStaleNode(Path instanceDir) throws IOException {
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
                        .ifPresent(NodeProcess::terminate);
            } catch (NumberFormatException ignored) {
                // as above
            }
        }
        Files.deleteIfExists(pidFile);
    }
}
