package io.hearken.router.cli;

import io.hearken.router.classification.LabelledCsv;
import io.hearken.router.classification.LabelledText;
import io.hearken.router.classification.LinearTrainer;
import io.hearken.router.classification.TextModel;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code train --input train.csv --model model.bin}, with progress and the time it took. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Trains a category model (TF-IDF, LibLinear, C by cross-validation, calibrated) from a text,label CSV.")
final class TrainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--input", required = true, paramLabel = "train.csv", description = "the labelled texts")
    Path input;

    @Option(names = "--model", required = true, paramLabel = "model.bin", description = "where to write the model")
    Path model;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        long started = System.nanoTime();
        long cpu = cpuNanos();
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
        out.printf(Locale.ROOT, "[%5.1f s] read %d texts from %s%n", seconds(started), rows.size(), input);
        out.flush();
        TextModel trained = LinearTrainer.train(rows, LinearTrainer.Options.DEFAULT, line -> {
            out.printf(Locale.ROOT, "[%5.1f s] %s%n", seconds(started), line);
            out.flush();
        });
        trained.save(model);
        out.printf(Locale.ROOT, "trained on %d texts, %d classes %s in %.1f s (%.1f s of CPU); model written to %s%n",
                rows.size(), perLabel.size(), perLabel, seconds(started), (cpuNanos() - cpu) / 1e9, model);
        return 0;
    }

    /** CPU time of this thread (training is single-threaded): fair on a shared, busy machine. */
    static long cpuNanos() {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        return threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : System.nanoTime();
    }

    static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
