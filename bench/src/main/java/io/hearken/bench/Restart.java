package io.hearken.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The operator's restart with all the history made so far: SIGTERM, the same data folder, time to healthy (issue
 * #16: healthy within 60 s with 100k complaints of history). Then complaints sent at the warm-up rate for 10 s must
 * each be routed, and Elasticsearch must hold exactly as many routed complaints more: none lost, none doubled by the
 * restart.
 */
final class Restart {

    /** {@code TopicTail}'s line as a view starts reading: "Reading <topic> on from where…" or "… from its beginning: why". */
    private static final Pattern VIEW = Pattern.compile(
            "Reading (\\S+) (on from where its store was closed at \\S+: (\\d+ records behind)|from its beginning: (.*))");

    private Restart() {
    }

    static void measure(Context c, Step step) throws Exception {
        AllInOne app = c.app();
        c.drain();
        long before = c.awaitIndexed();
        int seenBefore = c.tail().routedAt.size();
        System.out.printf("restart with %,d complaints routed%n", before);
        long logBefore = Files.size(app.log);
        double stopped = app.restart(Duration.ofMinutes(2));
        c.busy().mark(); // the old processes are gone: from here "ours" is the harness and the new ones
        double healthy = app.awaitHealthy(Duration.ofMinutes(10));
        c.busy().foreignCores("restart");
        c.table().add("restart → healthy (same data folder)", Table.num(healthy) + " s", "%,d".formatted(before)
                + " complaints routed before; stopped by SIGTERM in " + Table.num(stopped) + " s");
        views(c, app.log, logBefore);
        c.table().add("resident memory MB after restart: app / ES / launcher", step.memory(), "when healthy; "
                + step.memoryDetail());
        int rate = c.settings().warmupRate();
        long t0 = System.nanoTime();
        OpenLoad.Result sent = c.load().run(rate, 10, () -> { });
        c.awaitRouted(sent.sentAt().keySet());
        double seconds = (System.nanoTime() - t0) / 1e9;
        c.drain();
        long indexed = c.awaitIndexed() - before;
        int routed = c.tail().routedAt.size() - seenBefore; // a complaint doubled by the restart is one more id
        c.table().add("after restart: complaints sent → routed and indexed", sent.sentAt().size() + " → " + indexed,
                rate + "/s for 10 s, all routed within " + Table.num(seconds) + " s of the first; " + routed
                + " new complaints seen routed" + (indexed == sent.sentAt().size() && routed == indexed ? ""
                        : ": NOT ONE EACH"));
    }

    /** How the views built from topics came back: read on from their kept stores, or rebuilt (and why), per the log. */
    private static void views(Context c, Path log, long from) throws IOException {
        List<String> readOn = new ArrayList<>();
        List<String> rebuilt = new ArrayList<>();
        try (var in = Files.newInputStream(log)) {
            in.skipNBytes(from);
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                Matcher m = VIEW.matcher(line);
                if (m.find()) {
                    boolean on = m.group(3) != null;
                    (on ? readOn : rebuilt).add(m.group(1) + " (" + (on ? m.group(3) : m.group(4).strip()) + ")");
                }
            }
        }
        c.table().add("restart: views read on from their kept stores / rebuilt", readOn.size() + " / " + rebuilt.size(),
                "read on: " + String.join(", ", readOn) + (rebuilt.isEmpty() ? "" : "; rebuilt: " + String.join(", ", rebuilt)));
    }
}
