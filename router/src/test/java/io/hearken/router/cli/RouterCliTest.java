package io.hearken.router.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("trained on 60 texts, 3 classes");

        out.reset();
        assertThat(run(out, err, "evaluate", "--model", dir.resolve("model.bin").toString(), "--input",
                dir.resolve("test.csv").toString())).as(err.toString()).isZero();
        String report = out.toString(StandardCharsets.UTF_8);
        assertThat(report.lines().toList()).contains("accuracy=1.0000", "macro_f1=1.0000");
        assertThat(report).contains("precision", "recall", "confusion matrix", "[0] heat", "[2] wifi");
    }

    @Test
    void badInputIsAClearErrorNotAStackTrace() throws Exception {
        Files.writeString(dir.resolve("bad.csv"), "message,category\nhello,x\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(run(out, err, "train", "--input", dir.resolve("bad.csv").toString(), "--model", "m.bin")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("'text' and 'label'").contains("usage:");
        assertThat(run(out, err, "evaluate", "--input", "x.csv")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--model is required");
    }
}
