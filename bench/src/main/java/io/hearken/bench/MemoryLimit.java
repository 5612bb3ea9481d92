package io.hearken.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A memory cgroup with a hard limit for the all-in-one and its Elasticsearch ({@code --memory-limit}): what a
 * container's memory limit gives them. The kernel counts their anonymous memory and the page cache they fill (Kafka's
 * logs, Lucene's index) against it, drops cache to stay under it, and kills a process when it cannot. The JVM started
 * inside it sees the limit, as it would in a container. cgroup v2, or v1's memory hierarchy; needs root.
 */
final class MemoryLimit implements AutoCloseable {

    private final Path dir;
    private final boolean v2;
    private final long limitBytes;

    private MemoryLimit(Path dir, boolean v2, long limitBytes) {
        this.dir = dir;
        this.v2 = v2;
        this.limitBytes = limitBytes;
    }

    /** A new cgroup named {@code name} limited to {@code limitBytes}; a clear error where there is none to make. */
    static MemoryLimit create(String name, long limitBytes) throws IOException {
        Path root = Path.of("/sys/fs/cgroup");
        Path controllers = root.resolve("cgroup.controllers");
        boolean v2 = Files.isRegularFile(controllers) && Files.readString(controllers).contains("memory");
        Path parent = v2 ? root : root.resolve("memory");
        if (!v2 && !Files.isRegularFile(parent.resolve("memory.limit_in_bytes"))) {
            throw new IllegalStateException("--memory-limit needs a memory cgroup (v2 with the memory controller, or v1's "
                    + parent + "); there is none here");
        }
        Path dir = parent.resolve(name);
        try {
            Files.createDirectory(dir);
            Files.writeString(dir.resolve(v2 ? "memory.max" : "memory.limit_in_bytes"), Long.toString(limitBytes));
        } catch (IOException e) {
            throw new IllegalStateException("--memory-limit: cannot make the cgroup " + dir + " (root is needed): " + e, e);
        }
        return new MemoryLimit(dir, v2, limitBytes);
    }

    /** The command run so that its process joins the cgroup before the JVM starts (same pid: {@code exec}). */
    List<String> wrap(List<String> command) {
        List<String> wrapped = new ArrayList<>(List.of("sh", "-c",
                "echo $$ > '" + dir.resolve("cgroup.procs") + "' && exec \"$@\"", "sh"));
        wrapped.addAll(command);
        return wrapped;
    }

    /** For the table: the limit, the usage now and at its peak, its anonymous and file parts, the OOM kills. */
    String usage() {
        long now = value(v2 ? "memory.current" : "memory.usage_in_bytes");
        long peak = value(v2 ? "memory.peak" : "memory.max_usage_in_bytes");
        long anon = stat(v2 ? "anon" : "total_rss");
        long file = stat(v2 ? "file" : "total_cache");
        return "cgroup limit " + mb(limitBytes) + " MB: now " + mb(now) + " (anonymous " + mb(anon) + ", page cache "
                + mb(file) + "), peak " + mb(peak) + ", OOM kills " + ooms();
    }

    /** "1500m", "1.5g", "2g": bytes. */
    static long bytes(String size) {
        String s = size.strip().toLowerCase();
        double unit = s.endsWith("g") ? 1e9 : s.endsWith("m") ? 1e6 : 1;
        return (long) (Double.parseDouble(unit == 1 ? s : s.substring(0, s.length() - 1)) * unit);
    }

    private long ooms() {
        String file = v2 ? "memory.events" : "memory.oom_control";
        return read(file).lines().filter(l -> l.startsWith("oom_kill ")).mapToLong(l -> Long.parseLong(l.substring(9).strip()))
                .findFirst().orElse(-1);
    }

    private long value(String file) {
        String s = read(file).strip();
        return s.isEmpty() ? -1 : Long.parseLong(s);
    }

    private long stat(String key) {
        return read("memory.stat").lines().filter(l -> l.startsWith(key + " "))
                .mapToLong(l -> Long.parseLong(l.substring(key.length() + 1).strip())).findFirst().orElse(-1);
    }

    private String read(String file) {
        try {
            return Files.readString(dir.resolve(file));
        } catch (IOException e) {
            return "";
        }
    }

    private static String mb(long bytes) {
        return bytes < 0 ? "n/a" : Table.num(bytes / 1e6);
    }

    /** Removes the cgroup once its processes are gone (the kernel refuses while any is left). */
    @Override
    public void close() throws InterruptedException {
        for (int i = 0; i < 40 && Files.exists(dir); i++) {
            try {
                Files.delete(dir);
            } catch (IOException e) {
                Thread.sleep(250);
            }
        }
    }
}
