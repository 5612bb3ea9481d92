package io.hearken.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What one run measures, from {@code --name=value} arguments (bench/run --help lists them). The defaults are the
 * full run; the smoke test passes tiny sizes.
 */
record Settings(Path appJar, List<Integer> rates, int stepSeconds, int warmupSeconds, int warmupRate,
        List<Integer> history, int historyRate, int hotlineCalls, int mails, int rawSeconds, int classifierTexts,
        boolean allowBusy, double busyCores, double busyLoad, boolean keepData, String heap, Path out, long seed,
        boolean jfr, int idleSeconds, List<String> jvmOptions, double warmupJitCores, int warmupMaxSeconds,
        int mallocArenas, boolean nmt, boolean restart, String memoryLimit) {

    static final String HELP = """
            bench/run [--name=value ...]
              --rates=50,100,200,500,1000,2000  open-loop steps (web API complaints/s); stops at the first it cannot sustain
              --step=30          seconds per step            --warmup=90 --warmup-rate=40   warm-up (the JIT) before the steps
              --warmup-jit=0.2   then 30 s more while the JIT's compiler threads used more cores than this
              --warmup-max=390   seconds of warm-up at most
              --history=10000,50000   complaints of history after which the --history-rate step is measured again
              --history-rate=100      (0 in --history: none)
              --hotline-calls=10000   the transcript file     --mails=1000   mails dropped into the complaints inbox
              --raw-seconds=5         per raw-limit measure   --classifier-texts=2000
              --idle=3           seconds without a new routed complaint (and lag < 100) that count as idle between steps
              --allow-busy       print the figures even when the machine is busy, marked "machine busy"
              --busy-cores=0.25  CPU used by other processes (cores) above which the machine counts as busy
              --busy-load=1.0    load average before start above which the machine counts as busy (waits up to 3 min for it to fall)
              --heap=            -Xmx of the all-in-one (empty: the JVM's default, as the README runs it)
              --jvm=             more options for the all-in-one's JVM, space-separated (e.g. --jvm=-XX:TieredStopAtLevel=1)
              --malloc-arenas=2  MALLOC_ARENA_MAX of the all-in-one and its Elasticsearch (0: glibc's default, 8 per core)
              --nmt              native memory tracking (summary) in the all-in-one; its summary at the end of --out
                                 (costs a few MB of its own: the resident memory is then not the headline figure)
              --restart=true     at the end, stop the all-in-one (SIGTERM) and start it again on its data: time to healthy,
                                 memory, and complaints sent then routed once each
              --memory-limit=    run the all-in-one and its Elasticsearch in a memory cgroup with this hard limit (e.g.
                                 1500m), as a container would; its usage, page cache and OOM kills in the table (root)
              --keep-data        keep the fresh data folder      --seed=16      corpus seed
              --jfr              a JFR recording (settings=profile) of the all-in-one per step, next to --out
              --app-jar=app/target/hearken.jar   --out=target/bench/result.md
            """;

    static Settings parse(String... args) {
        Map<String, String> a = new HashMap<>();
        for (String arg : args) {
            if (arg.equals("--help") || arg.equals("-h")) {
                System.out.print(HELP);
                System.exit(0);
            }
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unknown argument " + arg + "\n" + HELP);
            }
            int eq = arg.indexOf('=');
            a.put(eq < 0 ? arg.substring(2) : arg.substring(2, eq), eq < 0 ? "true" : arg.substring(eq + 1));
        }
        Settings s = new Settings(
                Path.of(a.getOrDefault("app-jar", System.getProperty("bench.app-jar", "app/target/hearken.jar"))),
                ints(a.getOrDefault("rates", "50,100,200,500,1000,2000")),
                Integer.parseInt(a.getOrDefault("step", "30")),
                Integer.parseInt(a.getOrDefault("warmup", "90")),
                Integer.parseInt(a.getOrDefault("warmup-rate", "40")),
                ints(a.getOrDefault("history", "10000,50000")),
                Integer.parseInt(a.getOrDefault("history-rate", "100")),
                Integer.parseInt(a.getOrDefault("hotline-calls", "10000")),
                Integer.parseInt(a.getOrDefault("mails", "1000")),
                Integer.parseInt(a.getOrDefault("raw-seconds", "5")),
                Integer.parseInt(a.getOrDefault("classifier-texts", "2000")),
                Boolean.parseBoolean(a.getOrDefault("allow-busy", "false")),
                Double.parseDouble(a.getOrDefault("busy-cores", "0.25")),
                Double.parseDouble(a.getOrDefault("busy-load", "1.0")),
                Boolean.parseBoolean(a.getOrDefault("keep-data", "false")),
                a.getOrDefault("heap", ""),
                Path.of(a.getOrDefault("out", "target/bench/result.md")),
                Long.parseLong(a.getOrDefault("seed", "16")),
                Boolean.parseBoolean(a.getOrDefault("jfr", "false")),
                Integer.parseInt(a.getOrDefault("idle", "3")),
                Arrays.stream(a.getOrDefault("jvm", "").split(" ")).filter(o -> !o.isBlank()).toList(),
                Double.parseDouble(a.getOrDefault("warmup-jit", "0.2")),
                Integer.parseInt(a.getOrDefault("warmup-max", "390")),
                Integer.parseInt(a.getOrDefault("malloc-arenas", "2")),
                Boolean.parseBoolean(a.getOrDefault("nmt", "false")),
                Boolean.parseBoolean(a.getOrDefault("restart", "true")),
                a.getOrDefault("memory-limit", ""));
        a.keySet().removeAll(List.of("app-jar", "rates", "step", "warmup", "warmup-rate", "history", "history-rate",
                "hotline-calls", "mails", "raw-seconds", "classifier-texts", "allow-busy", "busy-cores", "busy-load",
                "keep-data", "heap", "out", "seed", "jfr", "idle", "jvm", "warmup-jit", "warmup-max", "malloc-arenas",
                "nmt", "restart", "memory-limit"));
        if (!a.isEmpty()) {
            throw new IllegalArgumentException("unknown option(s) " + a.keySet() + "\n" + HELP);
        }
        return s;
    }

    private static List<Integer> ints(String csv) {
        return csv.isBlank() ? List.of() : Arrays.stream(csv.split(",")).map(String::strip).map(Integer::parseInt)
                .filter(i -> i > 0).toList();
    }
}
