package io.hearken.intake.hotline.parsing;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearken.intake.hotline.HotlineProperties;
import io.hearken.intake.hotline.call.Call;
import io.hearken.intake.hotline.call.Turn.Speaker;
import jakarta.validation.Validation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The formats, read from the fixtures a call centre would drop (no Spring, no Kafka). */
class TranscriptsTest {

    static final HotlineProperties PROPERTIES = new HotlineProperties(Path.of("target/inbox"), false,
            Duration.ofSeconds(1), Duration.ofSeconds(1), ZoneId.of("Asia/Shanghai"), 500, Duration.ofSeconds(10), 1000,
            "hotline.processed-calls", Duration.ofDays(1), 1 << 20, List.of(), 5000, 200_000);

    final Transcripts transcripts = new Transcripts(Validation.buildDefaultValidatorFactory().getValidator(), PROPERTIES);

    static byte[] fixture(String name) throws IOException {
        try (InputStream in = TranscriptsTest.class.getResourceAsStream("/fixtures/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void aGbkCsvExportWithColumnsInAnyOrderIsDecodedAndRead() throws IOException {
        Parsed parsed = transcripts.parse(fixture("calls-gbk.csv"), TranscriptFormat.CSV);

        assertThat(parsed.charset()).isEqualTo(TextDecoding.GB18030);
        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.calls()).extracting(Call::callId)
                .containsExactly("GBK-20261123-0001", "GBK-20261123-0002", "GBK-20261123-0003");
        Call lift = parsed.calls().get(0);
        assertThat(lift.line()).isEqualTo(2);
        assertThat(lift.category()).isEqualTo("电梯");
        assertThat(lift.location()).isEqualTo("3号楼 1203");
        assertThat(lift.durationSeconds()).isEqualTo(184);
        assertThat(lift.startTime()).isEqualTo(Instant.parse("2026-11-23T00:02:11Z"));
        assertThat(lift.turnsOf(Speaker.CALLER)).extracting(t -> t.text())
                .containsExactly("3号楼2单元的电梯又坏了，我们被困在里面十分钟了！", "好的，请快一点，里面还有老人。");
        assertThat(lift.turnsOf(Speaker.AGENT)).hasSize(2);
        Call rubbish = parsed.calls().get(1);
        assertThat(rubbish.line()).isEqualTo(6); // the first row's transcript spans lines 2-5
        assertThat(rubbish.callbackNumber()).isEqualTo("13900002002");
        Call noise = parsed.calls().get(2);
        assertThat(noise.durationSeconds()).isEqualTo(200); // 03:20
        assertThat(noise.startTime()).isEqualTo(Instant.parse("2026-11-23T14:41:00Z"));
        assertThat(noise.turns()).isEmpty();
        assertThat(noise.summary()).isEqualTo("楼上装修夜间施工，影响休息");
    }

    @Test
    void aUtf8JsonBatchTakesSnakeAndCamelCaseKeysTurnsOrATranscript() throws IOException {
        Parsed parsed = transcripts.parse(fixture("calls-batch.json"), TranscriptFormat.JSON);

        assertThat(parsed.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.calls()).extracting(Call::callId)
                .containsExactly("JSON-20261123-0101", "JSON-20261123-0102", "JSON-20261123-0103");
        Call leak = parsed.calls().get(0);
        assertThat(leak.line()).isEqualTo(2);
        assertThat(leak.callerNumber()).isEqualTo("+86 138 0000 2101");
        assertThat(leak.startTime()).isEqualTo(Instant.parse("2026-11-23T01:05:00Z"));
        assertThat(leak.turns()).hasSize(4);
        assertThat(leak.turnsOf(Speaker.CALLER).get(0).text()).startsWith("我家厨房水管");
        Call gate = parsed.calls().get(1);
        assertThat(gate.agentId()).isEqualTo("A003");
        assertThat(gate.durationSeconds()).isEqualTo(75);
        assertThat(gate.turnsOf(Speaker.CALLER)).extracting(t -> t.text())
                .containsExactly("北门门禁坏了，外来人员随便进出，晚上不安全。");
        assertThat(parsed.calls().get(2).summary()).startsWith("Heating in dormitory block C");
    }

    @Test
    void aChinesePlainTextTranscriptHasItsHeaderBlockAndMultiLineTurns() throws IOException {
        Parsed parsed = transcripts.parse(fixture("call-zh.txt"), TranscriptFormat.TEXT);

        assertThat(parsed.problems()).isEmpty();
        Call call = parsed.calls().get(0);
        assertThat(call.callId()).isEqualTo("TXT-ZH-20261123-0201");
        assertThat(call.callerNumber()).isEqualTo("13800003201");
        assertThat(call.callbackNumber()).isEqualTo("13900003201");
        assertThat(call.agentId()).isEqualTo("A009");
        assertThat(call.category()).isEqualTo("停车");
        assertThat(call.durationSeconds()).isEqualTo(210);
        assertThat(call.summary()).isEqualTo("8号楼门口消防通道长期被私家车占用，请求处理");
        assertThat(call.turnsOf(Speaker.CALLER)).extracting(t -> t.text()).containsExactly(
                "8号楼门口的消防通道天天被人停车，\n救护车上次都进不来。", "希望能彻底解决，不要只贴个条子。");
    }

    @Test
    void anEnglishPlainTextTranscriptReadsAgentAndCallerTurns() throws IOException {
        Parsed parsed = transcripts.parse(fixture("call-en.txt"), TranscriptFormat.TEXT);

        assertThat(parsed.problems()).isEmpty();
        Call call = parsed.calls().get(0);
        assertThat(call.callId()).isEqualTo("TXT-EN-20261123-0301");
        assertThat(call.durationSeconds()).isEqualTo(342);
        assertThat(call.callerNumber()).isEqualTo("+1 415 555 0142");
        assertThat(call.location()).isEqualTo("Building 2, Room 1507");
        assertThat(call.summary()).isNull();
        assertThat(call.turnsOf(Speaker.CALLER)).extracting(t -> t.text()).containsExactly(
                "I was charged twice for the November utility bill.", "Both payments show up on my card statement.");
        assertThat(call.turnsOf(Speaker.AGENT)).hasSize(2);
    }

    @Test
    void aTruncatedJsonFileKeepsTheCompleteCallsAndNamesTheLineWhereItEnds() throws IOException {
        Parsed parsed = transcripts.parse(fixture("truncated.json"), TranscriptFormat.JSON);

        assertThat(parsed.calls()).extracting(Call::callId).containsExactly("TRUNC-20261123-0401", "TRUNC-20261123-0402");
        assertThat(parsed.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(4);
            assertThat(p.reason()).contains("truncated");
        });
    }

    @Test
    void aCsvWithBadRowsKeepsTheGoodRowsAndNamesEachBadLine() throws IOException {
        Parsed parsed = transcripts.parse(fixture("bad-row.csv"), TranscriptFormat.CSV);

        assertThat(parsed.calls()).extracting(Call::callId).containsExactly("BAD-20261123-0501", "BAD-20261123-0505");
        assertThat(parsed.problems()).extracting(Problem::line).containsExactly(3, 4, 5, 7);
        assertThat(parsed.problems().get(0).reason()).contains("start_time").contains("yesterday morning");
        assertThat(parsed.problems().get(1).reason()).contains("call_id is required");
        assertThat(parsed.problems().get(2).reason()).contains("summary or transcript is required");
        assertThat(parsed.problems().get(3).reason()).contains("duration_s").contains("abc");
    }

    @Test
    void aCsvRowCutShortAtTheEndIsReportedAsTruncated() {
        String csv = "call_id,caller_number,summary,agent_id\nC-1,13800000001,漏水,A1\nC-2,13800000002,停电,A1\nC-3,1380000";
        Parsed parsed = transcripts.parse(csv.getBytes(StandardCharsets.UTF_8), TranscriptFormat.CSV);

        assertThat(parsed.calls()).extracting(Call::callId).containsExactly("C-1", "C-2");
        assertThat(parsed.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(4);
            assertThat(p.callId()).isEqualTo("C-3");
            assertThat(p.reason()).contains("truncated");
        });
    }

    @Test
    void aQuoteNeverClosedIsReportedWithItsLine() {
        String csv = "call_id,summary\nC-1,ok\nC-2,\"never closed\n";
        Parsed parsed = transcripts.parse(csv.getBytes(StandardCharsets.UTF_8), TranscriptFormat.CSV);

        assertThat(parsed.calls()).extracting(Call::callId).containsExactly("C-1");
        assertThat(parsed.problems()).singleElement().satisfies(p -> assertThat(p.line()).isEqualTo(3));
    }

    @Test
    void chineseHeaderLabelsAndAUtf8BomAreUnderstood() {
        String csv = "\uFEFF通话编号,来电号码,摘要,坐席工号\nZH-1,13800000001,路灯不亮,A5\n";
        Parsed parsed = transcripts.parse(csv.getBytes(StandardCharsets.UTF_8), TranscriptFormat.CSV);

        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.calls()).singleElement().satisfies(c -> {
            assertThat(c.callId()).isEqualTo("ZH-1");
            assertThat(c.agentId()).isEqualTo("A5");
            assertThat(c.summary()).isEqualTo("路灯不亮");
        });
    }

    @Test
    void aCsvWithoutACallIdColumnIsRejectedWhole() {
        Parsed parsed = transcripts.parse("phone,summary\n1,x\n".getBytes(StandardCharsets.UTF_8), TranscriptFormat.CSV);

        assertThat(parsed.calls()).isEmpty();
        assertThat(parsed.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(1);
            assertThat(p.reason()).contains("no call_id column");
        });
    }

    @Test
    void charsetDetectionPrefersUtf8AndFallsBackToGb18030() {
        String text = "坐席：您好";
        assertThat(TextDecoding.decode(text.getBytes(StandardCharsets.UTF_8)).charset()).isEqualTo(StandardCharsets.UTF_8);
        TextDecoding.Decoded gbk = TextDecoding.decode(text.getBytes(java.nio.charset.Charset.forName("GBK")));
        assertThat(gbk.charset()).isEqualTo(TextDecoding.GB18030);
        assertThat(gbk.text()).isEqualTo(text);
        assertThat(TextDecoding.decode("ascii only".getBytes(StandardCharsets.US_ASCII)).charset())
                .isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void aTextFileMayHoldSeveralCallsAndTurnsMayCarryTimeStamps() {
        String text = """
                call_id: T-1
                caller_number: 13800000001

                [00:01] Agent: Hello, hotline.
                [00:04] Caller: The lift in block 4 is stuck.
                ---
                通话编号：T-2
                摘要：南门路灯不亮
                ---
                """;
        Parsed parsed = transcripts.parse(text.getBytes(StandardCharsets.UTF_8), TranscriptFormat.TEXT);

        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.calls()).extracting(Call::callId).containsExactly("T-1", "T-2");
        assertThat(parsed.calls().get(0).turnsOf(Speaker.CALLER)).extracting(t -> t.text())
                .containsExactly("The lift in block 4 is stuck.");
        assertThat(parsed.calls().get(1).line()).isEqualTo(7);
        assertThat(parsed.calls().get(1).summary()).isEqualTo("南门路灯不亮");
    }

    @Test
    void aTextFileWithoutACallIdIsAProblemAtItsFirstLine() {
        Parsed parsed = transcripts.parse("\n来电人：电梯坏了\n".getBytes(StandardCharsets.UTF_8), TranscriptFormat.TEXT);

        assertThat(parsed.calls()).isEmpty();
        assertThat(parsed.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.reason()).contains("no call_id");
        });
    }
    @Test
    void blankLinesAndRowsOfBareCommasAreSkippedAndTheLinesReportedStayRight() {
        String csv = "call_id,caller_number,summary\n"
                + "C-1,13800000001,楼道灯不亮\n"
                + "\n\n"
                + "C-2,13800000002,\n" // line 5: no summary
                + ",,\n"
                + " , , \n"
                + "C-3,13800000003,\"两行的\n摘要\"\n"
                + "C-4,13800000004,垃圾未清运\n"
                + ",,\n,,\n"; // the trailing rows a spreadsheet writes
        Parsed parsed = transcripts.parse(csv.getBytes(StandardCharsets.UTF_8), TranscriptFormat.CSV);

        assertThat(parsed.calls()).extracting(Call::callId, Call::line)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("C-1", 2), org.assertj.core.groups.Tuple.tuple("C-3", 8),
                        org.assertj.core.groups.Tuple.tuple("C-4", 10));
        assertThat(parsed.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(5);
            assertThat(p.callId()).isEqualTo("C-2");
            assertThat(p.reason()).contains("summary or transcript is required");
        });
    }

    @Test
    void aFileWithoutAnyCallIsAProblemOfTheWholeFileInEveryFormat() {
        for (var input : List.of(
                java.util.Map.entry(TranscriptFormat.TEXT, " \n\n---\n"),
                java.util.Map.entry(TranscriptFormat.CSV, "call_id,summary\n,\n"),
                java.util.Map.entry(TranscriptFormat.JSON, "[]"))) {
            Parsed parsed = transcripts.parse(input.getValue().getBytes(StandardCharsets.UTF_8), input.getKey());

            assertThat(parsed.calls()).as(input.getKey().name()).isEmpty();
            assertThat(parsed.problems()).as(input.getKey().name()).singleElement().satisfies(p -> {
                assertThat(p.line()).isZero();
                assertThat(p.reason()).isEqualTo("文件中没有通话 / the file holds no call");
                assertThat(p.toString()).startsWith("file: ");
            });
        }
    }
    @Test
    void aWindowsExportWithCrLfLineEndsReportsTheSameLines() {
        String csv = "call_id,summary\r\nW-1,漏水\r\n\r\nW-2,\"两行\r\n摘要\"\r\nW-3,\r\n,\r\n";
        Parsed parsed = transcripts.parse(csv.getBytes(java.nio.charset.Charset.forName("GBK")), TranscriptFormat.CSV);

        assertThat(parsed.charset()).isEqualTo(TextDecoding.GB18030);
        assertThat(parsed.calls()).extracting(Call::line).containsExactly(2, 4);
        assertThat(parsed.problems()).extracting(Problem::line, Problem::callId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(6, "W-3"));
    }

    @Test
    void charactersBeyondGbkAreReadAsGb18030() {
        // 䶮 (CJK extension A) and 𠀀 (extension B) exist in GB18030 but not in GBK
        String csv = "call_id,summary\nG-1,刘䶮反映𠀀号楼电梯异响\n";
        Parsed parsed = transcripts.parse(csv.getBytes(TextDecoding.GB18030), TranscriptFormat.CSV);

        assertThat(parsed.charset()).isEqualTo(TextDecoding.GB18030);
        assertThat(parsed.calls()).singleElement().satisfies(c -> assertThat(c.summary()).isEqualTo("刘䶮反映𠀀号楼电梯异响"));
    }

    @Test
    void aJsonCallWithMoreTurnsThanTheLimitIsAProblemAndTheCallsAfterItStillCount() {
        StringBuilder json = new StringBuilder("[{\"call_id\": \"T-MANY\", \"turns\": [");
        for (int i = 0; i < 100_000; i++) {
            json.append(i == 0 ? "" : ",").append("{\"speaker\": \"caller\", \"text\": \"喂\"}");
        }
        json.append("]},\n{\"call_id\": \"T-NEXT\", \"summary\": \"电梯异响\"}]");
        Parsed parsed = transcripts.parse(json.toString().getBytes(StandardCharsets.UTF_8), TranscriptFormat.JSON);

        assertThat(parsed.calls()).extracting(Call::callId).containsExactly("T-NEXT");
        assertThat(parsed.problems()).singleElement().satisfies(p -> {
            assertThat(p.callId()).isEqualTo("T-MANY");
            assertThat(p.line()).isEqualTo(1);
            assertThat(p.reason()).contains("turns");
        });
    }

    @Test
    void aTurnOrTranscriptLongerThanTheTextLimitIsAProblemInEveryFormat() {
        String longText = "漏".repeat(250_000);
        String json = "[{\"call_id\": \"L-1\", \"turns\": [{\"speaker\": \"caller\", \"text\": \"" + longText + "\"}]},"
                + "{\"call_id\": \"L-2\", \"summary\": \"好的\"}]";
        Parsed fromJson = transcripts.parse(json.getBytes(StandardCharsets.UTF_8), TranscriptFormat.JSON);
        assertThat(fromJson.calls()).extracting(Call::callId).containsExactly("L-2");
        assertThat(fromJson.problems()).extracting(Problem::callId).containsExactly("L-1");

        String text = "call_id: L-3\n\n来电人：" + longText + "\n---\ncall_id: L-4\nsummary: 好的\n";
        Parsed fromText = transcripts.parse(text.getBytes(StandardCharsets.UTF_8), TranscriptFormat.TEXT);
        assertThat(fromText.calls()).extracting(Call::callId).containsExactly("L-4");
        assertThat(fromText.problems()).extracting(Problem::callId).containsExactly("L-3");
    }

    /** Found by TranscriptsFuzzTest: the header pattern backtracked quadratically over leading white space. */
    @Test
    @Timeout(60) // a hang guard, not a measure: the old pattern took hours on this line
    void aLongLineOfWhiteSpaceInTheHeaderBlockIsReadAtOnce() {
        String text = "  通话编号 ：  TXT-SPACES-1  \n" + " ".repeat(200_000) + "x\n坐席：您好\n来电人：楼道灯坏了\n";

        Parsed parsed = transcripts.parse(text.getBytes(StandardCharsets.UTF_8), TranscriptFormat.TEXT);

        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.calls()).extracting(Call::callId).containsExactly("TXT-SPACES-1");
        assertThat(parsed.calls().get(0).turns()).hasSize(2);
    }
}
