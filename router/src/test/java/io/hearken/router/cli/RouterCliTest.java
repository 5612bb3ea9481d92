package io.hearken.router.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RouterCliTest {

    @TempDir
    Path dir;

    private int run(ByteArrayOutputStream out, ByteArrayOutputStream err, String... args) {
        return RouterCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void trainsOnAnOfficesOwnLabelsAndEvaluates() throws Exception {
        StringBuilder train = new StringBuilder("text,label\n");
        String[][] kinds = {
                {"heat", "暖气不热", "radiator cold", "heating broken"},
                {"lift", "电梯坏了", "elevator stuck", "lift not working"},
                {"wifi", "宿舍网络断了", "wifi down", "no internet, \"again\""}};
        for (int i = 0; i < 20; i++) {
            for (String[] k : kinds) {
                String text = k[1 + i % 3] + " " + i;
                train.append('"').append(text.replace("\"", "\"\"")).append("\",").append(k[0]).append('\n');
            }
        }
        Files.writeString(dir.resolve("train.csv"), train.toString());
        Files.writeString(dir.resolve("test.csv"), "text,label\n暖气不热 99,heat\n\"elevator stuck, floor 3\",lift\nwifi down,wifi\n");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(run(out, err, "train", "--input", dir.resolve("train.csv").toString(), "--model",
                dir.resolve("model.bin").toString())).as(err.toString()).isZero();
        assertThat(dir.resolve("model.bin")).isRegularFile();
        String trained = out.toString(StandardCharsets.UTF_8);
        assertThat(trained).contains("trained on 60 texts, 3 classes");
        assertThat(trained).as("progress, with the time so far").containsPattern("\\[ *\\d+\\.\\d s\\] features: char1-2\\+words")
                .containsPattern("\\[ *\\d+\\.\\d s\\] cross-validation: SVM C=").contains("model: char1-2+words");

        out.reset();
        assertThat(run(out, err, "evaluate", "--model", dir.resolve("model.bin").toString(), "--input",
                dir.resolve("test.csv").toString())).as(err.toString()).isZero();
        String report = out.toString(StandardCharsets.UTF_8);
        assertThat(report.lines().toList()).contains("accuracy=1.0000", "macro_f1=1.0000");
        assertThat(report).contains("precision", "recall", "confusion matrix", "[0] heat", "[2] wifi");
        assertThat(report).as("urgency figures too, on the shipped urgency set, of the reading the router uses")
                .contains("urgency (the shipped urgency set").contains("rules plus urgency model)")
                .contains("URGENT", "LOW").containsPattern("urgent_called_low=0")
                .containsPattern("rules alone: accuracy=\\d\\.\\d{4} urgent_called_low=0");

        out.reset();
        assertThat(run(out, err, "compare", "--input", dir.resolve("train.csv").toString(), "--test-share", "0.3", "--skip-sgd"))
                .as(err.toString()).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("| learner | macro-F1 |", "| baseline: TF-IDF char 1–2, SVM C=1 |",
                "| char 1–3 + words, SVM/LR, C by CV, Platt |");
    }

    @Test
    void helpPrintsTheCommandsInsteadOfStartingTheService() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(RouterCli.isCommand(new String[] {"--help"})).isTrue();
        assertThat(RouterCli.isCommand(new String[] {"--server.port=8082"})).as("Spring Boot options start the service").isFalse();
        assertThat(run(out, err, "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Usage: router.jar", "train", "evaluate", "compare",
                "starts the router service");
        out.reset();
        assertThat(run(out, err, "help", "train")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Usage: router.jar train", "--input=train.csv");
    }

    @Test
    void badInputIsAClearErrorNotAStackTrace() throws Exception {
        Files.writeString(dir.resolve("bad.csv"), "message,category\nhello,x\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(run(out, err, "train", "--input", dir.resolve("bad.csv").toString(), "--model", "m.bin")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no column 'text'").contains("found: message, category")
                .doesNotContain("Exception");
        err.reset();
        assertThat(run(out, err, "evaluate", "--input", "x.csv")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Missing required option: '--model=model.bin'").contains("Usage:");
        err.reset();
        assertThat(run(out, err, "train", "--inptu", "x.csv", "--model", "m.bin")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Unknown option: '--inptu'");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            missing label column | text\\nhello\\n                           | has no column
            empty file           | ''                                      | is empty
            header only          | text,label\\n                            | has a header but no rows
            label-less row       | text,label\\n漏水,facility\\n电梯坏了,\\n  | row 2 (line 3): the label is empty
            text-less row        | text,label\\n漏水,facility\\n,noise\\n     | row 2 (line 3): the text is empty
            open quote           | text,label\\n"漏水,facility\\n            | is not valid CSV
            one label only       | text,label\\n漏水,facility\\n停电,facility\\n | at least two different labels
            """)
    void eachKindOfBadCsvIsNamed(String kind, String content, String expected) throws Exception {
        Path csv = dir.resolve("in.csv");
        Files.writeString(csv, content.replace("\\n", "\n"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(run(out, err, "train", "--input", csv.toString(), "--model", dir.resolve("m.bin").toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(csv.toString()).contains(expected)
                .doesNotContain("usage:").doesNotContain("Exception");
        assertThat(dir.resolve("m.bin")).doesNotExist();
    }

    @Test
    void aFileSavedAsGbkIsRefusedAndOneWithAnExcelBomIsRead() throws Exception {
        Path gbk = dir.resolve("gbk.csv");
        Files.write(gbk, "text,label\n电梯坏了,设施\n有人吵闹,噪音\n".getBytes("GBK"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(run(out, err, "train", "--input", gbk.toString(), "--model", dir.resolve("m.bin").toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("is not UTF-8");

        // Excel's "CSV UTF-8": a byte-order mark, capitalised headers, CRLF; Chinese labels.
        StringBuilder rows = new StringBuilder("\uFEFFText,Label,Note\r\n");
        for (int i = 0; i < 15; i++) {
            rows.append("\"电梯坏了，第").append(i).append("次\",设施报修,x\r\n").append("楼上有人吵闹 ").append(i).append(",噪音扰民,\r\n");
        }
        Path bom = dir.resolve("bom.csv");
        Files.writeString(bom, rows.toString());
        assertThat(run(out, err, "train", "--input", bom.toString(), "--model", dir.resolve("m.bin").toString()))
                .as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("trained on 30 texts, 2 classes {噪音扰民=15, 设施报修=15}");
        out.reset();
        assertThat(run(out, err, "evaluate", "--model", dir.resolve("m.bin").toString(), "--input", bom.toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8).lines().toList()).contains("accuracy=1.0000", "macro_f1=1.0000");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("[1] 设施报修");
    }

    /** The loop's step "evaluate against the running model": both side by side, the difference, clear errors. */
    @Test
    void evaluateAgainstTheModelInServiceShowsBothSideBySide() throws Exception {
        StringBuilder full = new StringBuilder("text,label\n");
        StringBuilder old = new StringBuilder("text,label\n");
        for (int i = 0; i < 15; i++) {
            full.append("暖气不热 ").append(i).append(",heat\nlift not working ").append(i).append(",lift\nwifi down ")
                    .append(i).append(",wifi\n");
            old.append("暖气不热 ").append(i).append(",heat\nlift not working ").append(i).append(",lift\n");
        }
        Files.writeString(dir.resolve("full.csv"), full.toString());
        Files.writeString(dir.resolve("old.csv"), old.toString());
        Files.writeString(dir.resolve("test.csv"), "text,label\n暖气不热 99,heat\nlift not working 99,lift\nwifi down 99,wifi\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(run(out, err, "train", "--input", dir.resolve("full.csv").toString(), "--model",
                dir.resolve("new.bin").toString())).as(err.toString()).isZero();
        assertThat(run(out, err, "train", "--input", dir.resolve("old.csv").toString(), "--model",
                dir.resolve("current.bin").toString())).as(err.toString()).isZero();

        out.reset();
        err.reset();
        assertThat(run(out, err, "evaluate", "--model", dir.resolve("new.bin").toString(), "--input",
                dir.resolve("test.csv").toString(), "--against", dir.resolve("current.bin").toString()))
                .as(err.toString()).isZero();
        String report = out.toString(StandardCharsets.UTF_8);
        assertThat(report).contains("new new.bin", "current current.bin", "difference", "f1 per class")
                .containsPattern("macro_f1 +1\\.0000 +0\\.\\d{4} +\\+0\\.\\d{4}")
                .containsPattern("wifi +1\\.0000 +0\\.0000 +\\+1\\.0000 +1")
                .containsPattern("macro_f1_difference=\\+0\\.\\d{4}")
                .contains("new new.bin is better than current current.bin on this test set (3 texts)")
                .contains("urgency (the shipped urgency set");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("current.bin was not trained on", "[wifi]");

        err.reset();
        assertThat(run(out, err, "evaluate", "--model", dir.resolve("new.bin").toString(), "--input",
                dir.resolve("test.csv").toString(), "--against", dir.resolve("nothing.bin").toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("error: no model file at").contains("nothing.bin")
                .doesNotContain("Exception");
        err.reset();
        Files.writeString(dir.resolve("junk.bin"), "not a model");
        assertThat(run(out, err, "evaluate", "--model", dir.resolve("new.bin").toString(), "--input",
                dir.resolve("test.csv").toString(), "--against", dir.resolve("junk.bin").toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("error: cannot read model").doesNotContain("Exception");
    }

    /** What analytics' training export writes (docs/analytics.md) is read as it is by train and evaluate. */
    @Test
    void readsTheAnalyticsTrainingExportAsItIs() throws Exception {
        StringBuilder export = new StringBuilder("\uFEFFtext,label,urgency,corrected\r\n");
        for (int i = 0; i < 12; i++) {
            export.append("\"投诉\n电梯坏了，我是[name]，电话 [phone] ").append(i).append("\",facility,URGENT,true\r\n");
            export.append("\"投诉\n楼道垃圾没人收, \"\"again\"\" ").append(i).append("\",environment,NORMAL,false\r\n");
            export.append("'-请问物业费怎么交 ").append(i).append(",fees,LOW,false\r\n");
        }
        Path csv = dir.resolve("hearken-training.csv");
        Files.writeString(csv, export.toString());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(run(out, err, "train", "--input", csv.toString(), "--model", dir.resolve("m.bin").toString()))
                .as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("trained on 36 texts, 3 classes {environment=12, facility=12, fees=12}");
        out.reset();
        assertThat(run(out, err, "evaluate", "--model", dir.resolve("m.bin").toString(), "--input", csv.toString(),
                "--urgency-input", csv.toString())).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("macro_f1=1.0000", "urgency (" + csv + ", 36 texts; rules plus urgency model)");
    }
}
