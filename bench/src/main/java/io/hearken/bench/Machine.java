package io.hearken.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What Linux's /proc says about the machine and our processes: load, CPU time (ours and everybody else's),
 * resident memory, and GC time through {@code jstat}. Linux only; elsewhere the figures read 0.
 */
final class Machine {

    static final int CORES = Runtime.getRuntime().availableProcessors();
    /** USER_HZ: /proc reports CPU time in these ticks (100 on every mainstream Linux build). */
    private static final double TICK_MS = 10;

    private Machine() {
    }

    static double loadAverage() {
        String s = read(Path.of("/proc/loadavg"));
        return s.isEmpty() ? 0 : Double.parseDouble(s.split(" ")[0]);
    }

    /** Busy and total CPU time of the whole machine, in ms summed over cores. */
    static long[] machineCpuMs() {
        String first = read(Path.of("/proc/stat")).lines().findFirst().orElse("cpu 0 0 0 0");
        String[] f = first.trim().split("\\s+");
        long total = 0;
        long idle = 0;
        for (int i = 1; i < f.length && i <= 8; i++) {
            long v = Long.parseLong(f[i]);
            total += v;
            if (i == 4 || i == 5) { // idle, iowait
                idle += v;
            }
        }
        return new long[] {(long) ((total - idle) * TICK_MS), (long) (total * TICK_MS)};
    }

    /** user + system CPU ms of a process (all its threads, not its children). */
    static long cpuMs(long pid) {
        String[] f = statFields(Path.of("/proc/" + pid + "/stat"));
        return f.length < 15 ? 0 : (long) ((Long.parseLong(f[13]) + Long.parseLong(f[14])) * TICK_MS);
    }

    /** CPU ms per thread group of a process: thread names with their digits dropped ("kafka-producer-network-thread"). */
    static Map<String, Long> cpuMsByThreadGroup(long pid) {
        Map<String, Long> groups = new HashMap<>();
        try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path task : tasks.toList()) {
                String stat = read(task.resolve("stat"));
                int open = stat.indexOf('(');
                int close = stat.lastIndexOf(')');
                if (open < 0 || close < 0) {
                    continue;
                }
                String name = stat.substring(open + 1, close).replaceAll("[0-9]+", "#");
                String[] f = stat.substring(close + 2).split(" ");
                long ms = (long) ((Long.parseLong(f[11]) + Long.parseLong(f[12])) * TICK_MS);
                groups.merge(name, ms, Long::sum);
            }
        } catch (IOException | RuntimeException e) {
            // the process ended, or not Linux
        }
        return groups;
    }

    static long residentBytes(long pid) {
        return status(pid, "VmRSS:");
    }

    /** The part of {@link #residentBytes} that is mapped files (the jars, Lucene's index): the kernel can drop it. */
    static long residentFileBytes(long pid) {
        return status(pid, "RssFile:");
    }

    private static long status(long pid, String field) {
        for (String line : read(Path.of("/proc/" + pid + "/status")).lines().toList()) {
            if (line.startsWith(field)) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        return 0;
    }

    /** The process and every descendant (Elasticsearch runs as a grandchild of the all-in-one). */
    static List<Long> tree(long pid) {
        List<Long> all = new ArrayList<>();
        all.add(pid);
        ProcessHandle.of(pid).ifPresent(p -> p.descendants().forEach(d -> all.add(d.pid())));
        return all;
    }

    static String commandLine(long pid) {
        return read(Path.of("/proc/" + pid + "/cmdline")).replace('\0', ' ');
    }

    /** Total GC time (ms) of a JVM, by {@code jstat -gc}: its GCT column. 0 when jstat cannot attach. */
    static long gcMs(long pid) {
        Path jstat = Path.of(System.getProperty("java.home"), "bin", "jstat");
        try {
            Process p = new ProcessBuilder(jstat.toString(), "-gc", Long.toString(pid)).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return 0;
            }
            List<String> lines = out.lines().filter(l -> !l.isBlank()).toList();
            if (lines.size() < 2) {
                return 0;
            }
            String[] head = lines.get(0).trim().split("\\s+");
            String[] values = lines.get(1).trim().split("\\s+");
            for (int i = 0; i < head.length && i < values.length; i++) {
                if (head[i].equals("GCT")) {
                    return (long) (Double.parseDouble(values[i]) * 1000);
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    static String facts() {
        String model = read(Path.of("/proc/cpuinfo")).lines().filter(l -> l.startsWith("model name")).findFirst()
                .map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("?");
        String mem = read(Path.of("/proc/meminfo")).lines().findFirst().orElse("").replaceAll("[^0-9]", "");
        long gb = mem.isEmpty() ? 0 : Math.round(Long.parseLong(mem) / 1024.0 / 1024.0);
        return "%d cores (%s), %d GB, %s %s, Java %s".formatted(CORES, model, gb, System.getProperty("os.name"),
                System.getProperty("os.version"), System.getProperty("java.version"));
    }

    private static String[] statFields(Path stat) {
        String s = read(stat);
        int close = s.lastIndexOf(')');
        if (close < 0) {
            return new String[0];
        }
        // after "pid (comm) ": field 3 (state) is index 2 in proc(5) numbering minus one
        String[] rest = s.substring(close + 2).split(" ");
        String[] f = new String[rest.length + 2];
        System.arraycopy(rest, 0, f, 2, rest.length);
        return f;
    }

    static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
