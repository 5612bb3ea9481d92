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
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code train --input train.csv --model model.bin} and {@code evaluate --model model.bin --input test.csv}:
 * an office trains the router on its own history. Runs without Spring or Kafka.
 */
public final class RouterCli {

    public static final Set<String> COMMANDS = Set.of("train", "evaluate");
    private static final Set<String> OPTIONS = Set.of("input", "model");

    private RouterCli() {
    }

    public static boolean isCommand(String[] args) {
        return args.length > 0 && COMMANDS.contains(args[0]);
    }

    /** Returns the process exit code: 0 done, 2 bad usage or input. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length > 1 && (List.of(args).contains("--help") || List.of(args).contains("-h"))) {
            out.println(usage());
            return 0;
        }
        Map<String, String> options;
        try {
            options = options(args);
            required(options, "input");
            required(options, "model");
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.println(usage());
            return 2;
        }
        try {
            Path input = Path.of(options.get("input"));
            Path model = Path.of(options.get("model"));
            if (args[0].equals("train")) {
                train(input, model, out, err);
            } else {
                evaluate(input, model, out, err);
            }
            out.flush();
            return 0;
        } catch (RuntimeException e) {
            // Bad input is the user's to fix: the reason, without a stack trace or the usage text.
            err.println("error: " + e.getMessage());
            return 2;
        }
    }

    private static void train(Path input, Path model, PrintStream out, PrintStream err) {
        long started = System.nanoTime();
        List<LabelledText> rows = LabelledCsv.read(input);
        Map<String, Long> perLabel = new TreeMap<>();
        rows.forEach(r -> perLabel.merge(r.label(), 1L, Long::sum));
        if (perLabel.size() < 2) {
            throw new IllegalArgumentException(input + ": every row has the label '" + perLabel.keySet().iterator().next()
                    + "'; training needs at least two different labels");
        }
        perLabel.forEach((label, n) -> {
            if (n < 5) {
                err.println("warning: label '" + label + "' has only " + n + " example" + (n == 1 ? "" : "s")
                        + "; the model will rarely predict it");
            }
        });
        TextModel trained = TextModel.train(rows);
        trained.save(model);
        out.printf(Locale.ROOT, "trained on %d texts, %d classes %s in %.1f s; model written to %s%n",
                rows.size(), perLabel.size(), perLabel, (System.nanoTime() - started) / 1e9, model);
    }

    private static void evaluate(Path input, Path model, PrintStream out, PrintStream err) {
        if (!Files.isRegularFile(model)) {
            throw new IllegalArgumentException("no model file at " + model + " (make one with: train --input train.csv --model "
                    + model + ")");
        }
        TextModel loaded = TextModel.load(model);
        List<LabelledText> rows = LabelledCsv.read(input);
        Set<String> known = loaded.labels();
        Set<String> unknown = new TreeSet<>();
        rows.forEach(r -> {
            if (!known.contains(r.label())) {
                unknown.add(r.label());
            }
        });
        if (!unknown.isEmpty()) {
            err.println("warning: labels the model was not trained on (always counted wrong): " + unknown);
        }
        out.print(Evaluation.of(loaded, rows).report());
    }

    static String usage() {
        return """
                usage: java -jar router.jar train --input train.csv --model model.bin
                       java -jar router.jar evaluate --model model.bin --input test.csv
                CSV: UTF-8 with a header row naming the columns text and label (RFC 4180 quoting);
                     other columns are ignored; any labels, any number of classes.""";
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
            if (!OPTIONS.contains(name)) {
                throw new IllegalArgumentException("unknown option --" + name + " (options: --input, --model)");
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
