package io.hearken.router.cli;

import io.hearken.router.classification.Evaluation;
import io.hearken.router.classification.LabelledCsv;
import io.hearken.router.classification.LabelledText;
import io.hearken.router.classification.LinearTrainer;
import io.hearken.router.classification.LinearTrainer.Options;
import io.hearken.router.classification.LinearTrainer.Solver;
import io.hearken.router.classification.SgdTextModel;
import io.hearken.router.classification.TextModel;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code compare --train train.csv --test test.csv}: trains every learner we considered on the same
 * split and prints a Markdown table (macro-F1, accuracy, training time, how many texts clear the
 * triage threshold and how often those are right) — the table in docs/router.md.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Compares the learners (the earlier SGD one, the standard baseline, the TF-IDF + LibLinear variants) on one split.")
final class CompareCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--train", paramLabel = "train.csv")
    Path train;

    @Option(names = "--test", paramLabel = "test.csv")
    Path test;

    @Option(names = "--input", paramLabel = "all.csv", description = "one labelled set, split at random per label (instead of --train/--test)")
    Path input;

    @Option(names = "--test-share", defaultValue = "0.3", description = "with --input: the share held back (default ${DEFAULT-VALUE})")
    double testShare;

    @Option(names = "--seed", defaultValue = "1", description = "with --input: the split's seed")
    long seed;

    @Option(names = "--threshold", defaultValue = "0.45", description = "the triage threshold (default ${DEFAULT-VALUE})")
    double threshold;

    @Option(names = "--skip-sgd", description = "leave out the earlier SGD learner (slow on large sets)")
    boolean skipSgd;

    @Option(names = "--only", paramLabel = "text", description = "only the learners whose name contains this, e.g. default")
    String only;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<LabelledText> trainRows;
        List<LabelledText> testRows;
        if (input != null) {
            List<List<LabelledText>> split = split(LabelledCsv.read(input), testShare, seed);
            trainRows = split.get(0);
            testRows = split.get(1);
        } else if (train != null && test != null) {
            trainRows = LabelledCsv.read(train);
            testRows = LabelledCsv.read(test);
        } else {
            throw new IllegalArgumentException("give --train and --test, or --input");
        }
        List<Solver> both = List.of(Solver.SVM, Solver.LR);
        double[] cs = Options.WIDE_GRID;
        Map<String, Supplier<TextModel>> learners = new LinkedHashMap<>();
        if (!skipSgd) {
            learners.put("SGD log-linear (shipped before)", () -> SgdTextModel.train(trainRows));
        }
        learners.put("baseline: TF-IDF char 1–2, SVM C=1", () -> train(trainRows, Options.BASELINE));
        learners.put("char 1–2, SVM/LR, C by CV, Platt", () -> train(trainRows, new Options(2, false, both, cs, 3)));
        learners.put("char 1–3, SVM/LR, C by CV, Platt", () -> train(trainRows, new Options(3, false, both, cs, 3)));
        learners.put("char 1–2 + words, SVM/LR, C by CV, Platt", () -> train(trainRows, new Options(2, true, both, cs, 3)));
        learners.put("char 1–3 + words, SVM/LR, C by CV, Platt", () -> train(trainRows, new Options(3, true, both, cs, 3)));
        learners.put("default: char 1–2 + words, SVM/LR-dual, C 0.3–3 by CV, Platt", () -> train(trainRows, Options.DEFAULT));
        if (only != null) {
            learners.keySet().removeIf(name -> !name.contains(only));
        }

        out.printf(Locale.ROOT, "train %d texts, test %d texts, %d labels%n%n", trainRows.size(), testRows.size(),
                trainRows.stream().map(LabelledText::label).distinct().count());
        out.printf(Locale.ROOT, "| learner | macro-F1 | accuracy | train s (CPU) | train s (wall) | chosen | top p ≥ %.2f | accuracy there |%n",
                threshold);
        out.println("| --- | --- | --- | --- | --- | --- | --- | --- |");
        out.flush();
        for (Map.Entry<String, Supplier<TextModel>> learner : learners.entrySet()) {
            long started = System.nanoTime();
            long cpu = TrainCommand.cpuNanos();
            TextModel model = learner.getValue().get();
            double seconds = (System.nanoTime() - started) / 1e9;
            double cpuSeconds = (TrainCommand.cpuNanos() - cpu) / 1e9;
            List<String> truth = new ArrayList<>();
            List<String> predicted = new ArrayList<>();
            int confident = 0;
            int confidentRight = 0;
            for (LabelledText row : testRows) {
                TextModel.Scored top = model.predict(row.text()).get(0);
                truth.add(row.label());
                predicted.add(top.label());
                if (top.probability() >= threshold) {
                    confident++;
                    confidentRight += top.label().equals(row.label()) ? 1 : 0;
                }
            }
            Evaluation e = Evaluation.of(truth, predicted);
            out.printf(Locale.ROOT, "| %s | %.4f | %.4f | %.1f | %.1f | %s | %.0f %% | %.3f |%n", learner.getKey(), e.macroF1(),
                    e.accuracy(), cpuSeconds, seconds, model.toString(), 100.0 * confident / testRows.size(),
                    confident == 0 ? 0 : (double) confidentRight / confident);
            out.flush();
        }
        return 0;
    }

    private static TextModel train(List<LabelledText> rows, Options options) {
        return LinearTrainer.train(rows, options, LinearTrainer.Progress.NONE);
    }

    /** Per label, a shuffled {@code share} goes to the test part. */
    static List<List<LabelledText>> split(List<LabelledText> rows, double share, long seed) {
        Map<String, List<LabelledText>> byLabel = new LinkedHashMap<>();
        rows.forEach(r -> byLabel.computeIfAbsent(r.label(), l -> new ArrayList<>()).add(r));
        Random random = new Random(seed);
        List<LabelledText> train = new ArrayList<>();
        List<LabelledText> test = new ArrayList<>();
        for (List<LabelledText> members : byLabel.values()) {
            Collections.shuffle(members, random);
            int cut = (int) Math.round(members.size() * share);
            test.addAll(members.subList(0, cut));
            train.addAll(members.subList(cut, members.size()));
        }
        return List.of(train, test);
    }
}
