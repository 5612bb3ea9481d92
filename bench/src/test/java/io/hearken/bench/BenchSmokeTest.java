package io.hearken.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps the harness working: the whole run at a tiny size against the real all-in-one (app/target/hearken.jar, made
 * by app's package phase, hence this test runs in integration-test). No figure is judged, only that every row has one.
 */
class BenchSmokeTest {

    @Test
    void theTableHasEveryRowWithANumber(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("result.md");
        int code = Bench.run(Settings.parse("--rates=10", "--step=3", "--warmup=2", "--warmup-rate=5",
                "--history=0", "--hotline-calls=20", "--mails=10", "--raw-seconds=1", "--classifier-texts=20",
                "--idle=1", "--allow-busy", "--warmup-max=2", "--jvm=-XX:TieredStopAtLevel=1", "--out=" + out));

        assertThat(code).isZero();
        String table = Files.readString(out);
        assertThat(table).contains("All-in-one JVM: default heap -XX:TieredStopAtLevel=1, MALLOC_ARENA_MAX=2.");
        List<String> rows = table.lines().filter(l -> l.startsWith("| ") && !l.startsWith("| measure") && !l.startsWith("| ---")).toList();
        assertThat(rows).extracting(r -> r.split("\\|")[1].strip()).contains(
                "start-up to healthy (fresh data folder)",
                "warm-up",
                "raw: Kafka produce (acks=all, idempotent, ~0.5 kB records)",
                "raw: Kafka consume (read_committed)",
                "raw: Elasticsearch bulk, complaints template, 500 per bulk",
                "raw: HTTP GET of a static file, 16 in flight",
                "raw: SMTP delivery, one connection",
                "raw: IMAP fetch, whole mails, one bulk FETCH",
                "web 10/s: accepted (201)",
                "web 10/s: **routed and indexed**",
                "web 10/s: consumer lag (records, all groups)",
                "web 10/s: intake → routed p50 / p99 / max",
                "web 10/s: intake → acknowledgement mail p50 / p99 / max",
                "web 10/s: HTTP POST latency p50 / p99",
                "web 10/s: CPU-ms per accepted complaint: app / ES / ES launcher / harness",
                "web 10/s: Kafka records written per accepted complaint",
                "web 10/s: GC ms per second: app / ES",
                "web 10/s: resident memory MB: app / ES / launcher",
                "classifier (`POST /api/v1/triage`, 8 in flight)",
                "IMAP mailbox → routed",
                "hotline file → routed",
                "resident memory MB at the end: app / ES / launcher",
                "restart → healthy (same data folder)",
                "restart: views read on from their kept stores / rebuilt",
                "resident memory MB after restart: app / ES / launcher",
                "after restart: complaints sent → routed and indexed");
        for (String row : rows) {
            String value = row.split("\\|")[2];
            assertThat(value).as(row).containsPattern("[0-9]").doesNotContain("n/a");
        }
        // A tiny step may not reach its own sustained bar, nor route any within its 3 s on a crowded machine (the
        // rate row may then be 0), but every complaint it sent comes through, and the harness sees each.
        assertThat(table).containsPattern("web 10/s: intake → routed p50 / p99 / max \\| [0-9,]+ / .*\\| (\\d+) of \\1 seen routed");
        // A clean stop keeps the board, the directory and the ledger: the restart reads their topics on, rebuilds none.
        assertThat(table).containsPattern("restart: views read on from their kept stores / rebuilt \\| 3 / 0 \\|");
        // The restart loses and doubles nothing: as many more routed complaints in Elasticsearch as were sent after it.
        assertThat(table).containsPattern("after restart: complaints sent → routed and indexed \\| ([1-9][0-9]*) → \\1 \\|");
    }
}
