package io.hearken.router.cli;

import io.hearken.router.classification.Evaluation;
import io.hearken.router.classification.LabelledCsv;
import io.hearken.router.classification.LabelledText;
import io.hearken.router.classification.TextModel;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code train --input train.csv --model model.bin} and {@code evaluate --model model.bin --input test.csv}:
 * an office trains the router on its own history. Runs without Spring or Kafka.
 */
public final class RouterCli {

    public static final Set<String> COMMANDS = Set.of("train", "evaluate");

    private RouterCli() {
    }

    public static boolean isCommand(String[] args) {
        return args.length > 0 && COMMANDS.contains(args[0]);
    }

    /** Returns the process exit code: 0 done, 2 bad usage or input. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            Map<String, String> options = options(args);
            String input = required(options, "input");
            String model = required(options, "model");
            if (args[0].equals("train")) {
                long started = System.nanoTime();
                List<LabelledText> rows = LabelledCsv.read(Path.of(input));
                TextModel trained = TextModel.train(rows);
                trained.save(Path.of(model));
                out.printf(Locale.ROOT, "trained on %d texts, %d classes %s in %.1f s; model written to %s%n",
                        rows.size(), trained.labels().size(), trained.labels(), (System.nanoTime() - started) / 1e9, model);
            } else {
                if (!Files.isRegularFile(Path.of(model))) {
                    throw new IllegalArgumentException("no model file at " + model);
                }
                TextModel loaded = TextModel.load(Path.of(model));
                out.print(Evaluation.of(loaded, LabelledCsv.read(Path.of(input))).report());
            }
            out.flush();
            return 0;
        } catch (RuntimeException e) {
            err.println("error: " + e.getMessage());
            err.println(usage());
            return 2;
        }
    }

    static String usage() {
        return """
                usage: java -jar router.jar train --input train.csv --model model.bin
                       java -jar router.jar evaluate --model model.bin --input test.csv
                CSV: UTF-8 with a header row naming the columns text and label (RFC 4180 quoting).""";
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument: " + a);
            }
            String name = a.substring(2);
            String value;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new IllegalArgumentException("--" + name + " needs a value");
            }
            options.put(name, value);
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String v = options.get(name);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return v;
    }
}
