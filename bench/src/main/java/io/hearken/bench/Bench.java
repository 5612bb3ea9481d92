package io.hearken.bench;

import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark harness (issue #16): the all-in-one on a fresh data folder, its servers' raw limits, open-loop steps
 * until one cannot be sustained, the other channels, the same step again as history grows, the restart with all that
 * history; one table. Refuses to print the figures when other processes used the CPU meanwhile, unless
 * {@code --allow-busy} (then they are marked).
 */
public final class Bench {

    /** The raw limits measured in this run. */
    static final class Raw {
        double kafkaProduce;
        double kafkaConsume;
        double esBulk;
        double http;
        double smtp;
        double imap;
    }

    public static void main(String[] args) throws Exception {
        int code;
        try {
            code = run(Settings.parse(args));
        } catch (Exception e) { // exits all the same: a non-daemon thread left behind would keep this JVM up
            e.printStackTrace();
            code = 1;
        }
        System.exit(code);
    }

    /** Runs the whole measure; 0 when figures were printed, 3 when they were refused (machine busy). */
    static int run(Settings s) throws Exception {
        String facts = Machine.facts();
        System.out.println("machine: " + facts);
        List<Long> ours = new ArrayList<>(List.of(ProcessHandle.current().pid()));
        AllInOne[] appRef = new AllInOne[1];
        Busy busy = new Busy(s.busyCores(), () -> {
            List<Long> all = new ArrayList<>(ours);
            if (appRef[0] != null) {
                all.addAll(appRef[0].pids());
            }
            return all;
        });
        busy.checkBefore(s.busyLoad(), s.allowBusy() ? Duration.ZERO : Duration.ofMinutes(3));
        if (busy.busy() && !s.allowBusy()) {
            return refuse(busy);
        }
        String tag = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
        Corpus corpus = new Corpus(s.seed(), tag);
        Table table = new Table();
        Raw raw = new Raw();
        Instant started = Instant.now();
        String nativeMemory = null;
        try (AllInOne app = AllInOne.start(s)) {
            appRef[0] = app;
            busy.mark();
            double startup = app.awaitHealthy(Duration.ofMinutes(10)); // a crowded machine takes minutes
            busy.foreignCores("start-up");
            table.add("start-up to healthy (fresh data folder)", Table.num(startup) + " s",
                    "`/actuator/health` 200 (every component UP), from the JVM's start");
            try (Kafka kafka = new Kafka(app.kafka()); Tail tail = new Tail(kafka)) {
                Context c = new Context(s, app, kafka, new Elasticsearch(app.elasticsearch()), tail,
                        new OpenLoad(app.web(), corpus, tag), corpus, busy, table, raw);
                Step step = new Step(c);
                table.add("resident memory MB after start: app / ES / launcher", step.memory(), "");
                System.out.printf("healthy in %.1f s; warming up at %d/s for %d s%n", startup, s.warmupRate(), s.warmupSeconds());
                // Each phase's line says when it began (seconds since healthy): where a run's time goes.
                long healthy = System.nanoTime();
                OpenLoad.Result warm = warmUp(c);
                // Idle is not enough: on a busy machine nothing may be routed yet (and the raw limits need a document).
                if (!warm.sentAt().isEmpty()) {
                    c.awaitRouted(warm.sentAt().keySet());
                }
                c.drain();
                System.out.printf("raw limits (%.0f s)%n", (System.nanoTime() - healthy) / 1e9);
                measureRaw(c);
                c.checkpoint();
                for (int rate : s.rates()) {
                    System.out.printf("step: %d/s for %d s (%.0f s)%n", rate, s.stepSeconds(), (System.nanoTime() - healthy) / 1e9);
                    boolean sustained = step.measure("web " + rate + "/s", rate, s.stepSeconds()).sustained();
                    c.checkpoint();
                    if (!sustained) {
                        break;
                    }
                }
                Channels channels = new Channels(c);
                System.out.printf("classifier, IMAP, hotline (%.0f s)%n", (System.nanoTime() - healthy) / 1e9);
                busy.mark();
                double texts = channels.classifier(s.classifierTexts());
                table.against("classifier (`POST /api/v1/triage`, 8 in flight)", texts, "texts/s", "HTTP static",
                        raw.http, s.classifierTexts() + " texts; through HTTP");
                if (s.mails() > 0) {
                    double[] mail = Recording.around(s, app.pid(), "imap " + s.mails(), () -> channels.imap(s.mails()));
                    table.against("IMAP mailbox → routed", mail[0], "mails/s", "IMAP fetch", raw.imap, s.mails()
                            + " mails dropped by SMTP in " + Table.num(mail[1]) + " s, timed from the first to the last routed");
                    table.against("IMAP mailbox → on `intake.email`", mail[2], "mails/s", "SMTP delivery", raw.smtp,
                            "the same mails, timed from the first sent to the last acknowledged by Kafka");
                    double inbox = Recording.around(s, app.pid(), "imap inbox " + s.mails(), () -> channels.imapInbox(s.mails()));
                    table.against("IMAP inbox of " + s.mails() + " mails → on `intake.email`", inbox, "mails/s", "IMAP fetch",
                            raw.imap, "the channel alone: the mails moved into the inbox with one command (not paced by "
                            + "SMTP), timed from the move to the last acknowledged by Kafka");
                }
                if (s.hotlineCalls() > 0) {
                    double[] calls = channels.hotline(s.hotlineCalls(), "file");
                    table.against("hotline file → routed", calls[0], "calls/s", "Kafka produce", raw.kafkaProduce,
                            s.hotlineCalls() + "-call CSV by the API; " + Table.num(calls[1])
                            + " calls/s until its answer (all acknowledged by Kafka)");
                }
                busy.foreignCores("channels");
                c.checkpoint();
                for (int history : s.history()) {
                    channels.fillHistory(history);
                    System.out.printf("step after %,d complaints of history%n", history);
                    step.measure("web " + s.historyRate() + "/s after " + (history >= 1000 ? history / 1000 + "k" : history) + " history",
                            s.historyRate(), s.stepSeconds());
                    c.checkpoint();
                }
                System.out.printf("steps done (%.0f s)%n", (System.nanoTime() - healthy) / 1e9);
                String memory = step.memory(); // before the wait: as the last step left it
                String detail = step.memoryDetail();
                table.add("resident memory MB at the end: app / ES / launcher", memory,
                        detail + "; " + "%,d".formatted(c.awaitIndexed()) + " complaints routed and indexed in all");
                if (s.nmt()) {
                    nativeMemory = app.nativeMemorySummary();
                }
                if (s.restart()) {
                    Restart.measure(c, step);
                    c.checkpoint();
                }
            }
        }
        String minutes = Table.num(Duration.between(started, Instant.now()).toSeconds() / 60.0);
        if (busy.busy() && !s.allowBusy()) {
            return refuse(busy);
        }
        StringBuilder out = new StringBuilder();
        if (busy.busy()) {
            out.append("**MACHINE BUSY: these figures are not a headline.** ").append(String.join("; ", busy.reasons()))
                    .append("\n\n");
        }
        String jvm = (s.heap().isBlank() ? "default heap" : "-Xmx" + s.heap())
                + (s.jvmOptions().isEmpty() ? "" : " " + String.join(" ", s.jvmOptions()))
                + (s.mallocArenas() > 0 ? ", MALLOC_ARENA_MAX=" + s.mallocArenas() : ", glibc's malloc arenas")
                + (s.nmt() ? ", native memory tracking on" : "")
                + (s.memoryLimit().isBlank() ? "" : ", with its Elasticsearch in a memory cgroup limited to "
                        + s.memoryLimit() + " (--memory-limit)");
        out.append("Machine: ").append(facts).append(". All-in-one JVM: ").append(jvm).append(". Run took ")
                .append(minutes).append(" min.\n\n")
                .append(table.markdown());
        if (nativeMemory != null) {
            out.append("\nThe all-in-one's native memory at the end (`jcmd <pid> VM.native_memory summary`):\n```\n")
                    .append(nativeMemory).append("\n```\n");
        }
        System.out.println();
        System.out.print(out);
        Files.createDirectories(s.out().toAbsolutePath().getParent());
        Files.writeString(s.out(), out);
        return 0;
    }

    /**
     * {@code --warmup} seconds at the warm-up rate, then more in 30 s rounds while the JIT's compiler threads still
     * used over {@code --warmup-jit} cores (up to {@code --warmup-max} seconds in all): a step measured while the JVM
     * still compiles the request path measures the compiler (the first step collapsed that way in every run before).
     */
    private static OpenLoad.Result warmUp(Context c) throws Exception {
        Settings s = c.settings();
        Usage before = Usage.of(c.app(), c.es());
        OpenLoad.Result warm = c.load().run(s.warmupRate(), s.warmupSeconds(), () -> { });
        int seconds = s.warmupSeconds();
        while (true) {
            Usage used = Usage.of(c.app(), c.es()).minus(before);
            double jit = used.appThreads().entrySet().stream().filter(e -> e.getKey().contains("CompilerThre"))
                    .mapToLong(Map.Entry::getValue).sum() / (double) Math.max(1, used.wallMs());
            System.out.printf("warm-up: %d s; the JIT's compiler threads used %.2f cores%n", seconds, jit);
            if (jit <= s.warmupJitCores() || seconds >= s.warmupMaxSeconds()) {
                c.table().add("warm-up", seconds + " s at " + s.warmupRate() + "/s", "the JIT's compiler threads used "
                        + Table.num(jit) + " cores in its last " + (seconds == s.warmupSeconds() ? seconds : 30) + " s"
                        + (jit > s.warmupJitCores() ? " (still compiling: --warmup-max reached)" : ""));
                return warm;
            }
            before = Usage.of(c.app(), c.es());
            OpenLoad.Result more = c.load().run(s.warmupRate(), 30, () -> { });
            warm.sentAt().putAll(more.sentAt());
            seconds += 30;
        }
    }

    private static void measureRaw(Context c) throws Exception {
        Raw raw = c.raw();
        // Once for a second, unmeasured (JIT, connections, caches), then measured.
        RawLimits warm = new RawLimits(c.app(), c.kafka(), c.corpus(), 1);
        warm.kafka();
        warm.elasticsearchBulk(c.es().sampleDocument());
        warm.http();
        warm.mail();
        c.busy().mark();
        RawLimits limits = new RawLimits(c.app(), c.kafka(), c.corpus(), c.settings().rawSeconds());
        double[] kafka = limits.kafka();
        raw.kafkaProduce = kafka[0];
        raw.kafkaConsume = kafka[1];
        raw.esBulk = limits.elasticsearchBulk(c.es().sampleDocument());
        raw.http = limits.http();
        double[] mail = limits.mail();
        raw.smtp = mail[0];
        raw.imap = mail[1];
        c.busy().foreignCores("raw limits");
        Table t = c.table();
        t.raw("raw: Kafka produce (acks=all, idempotent, ~0.5 kB records)", raw.kafkaProduce, "records/s");
        t.raw("raw: Kafka consume (read_committed)", raw.kafkaConsume, "records/s");
        t.raw("raw: Elasticsearch bulk, complaints template, 500 per bulk", raw.esBulk, "docs/s");
        t.raw("raw: HTTP GET of a static file, 16 in flight", raw.http, "requests/s");
        t.raw("raw: SMTP delivery, one connection", raw.smtp, "mails/s");
        t.raw("raw: IMAP fetch, whole mails, one bulk FETCH", raw.imap, "mails/s");
        c.drain();
    }

    private static int refuse(Busy busy) {
        System.out.println("REFUSED: the machine is busy, so no figure here would be a headline:");
        busy.reasons().forEach(r -> System.out.println("  - " + r));
        System.out.println("Run again on a quiet machine, or with --allow-busy to print the figures marked \"machine busy\".");
        return 3;
    }
}
