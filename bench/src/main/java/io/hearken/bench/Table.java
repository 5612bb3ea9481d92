package io.hearken.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The one table: each figure beside the raw limit it is compared with, and their ratio. */
final class Table {

    record Row(String measure, String value, String raw, String ratio, String note) {
    }

    private final List<Row> rows = new ArrayList<>();

    void raw(String measure, double value, String unit) {
        rows.add(new Row(measure, num(value) + " " + unit, "(raw limit)", "", ""));
    }

    void add(String measure, String value, String note) {
        rows.add(new Row(measure, value, "", "", note));
    }

    void against(String measure, double value, String unit, String rawName, double raw, String note) {
        rows.add(new Row(measure, num(value) + " " + unit, rawName + " " + num(raw),
                raw <= 0 ? "" : ratio(value / raw), note));
    }

    List<Row> rows() {
        return List.copyOf(rows);
    }

    String markdown() {
        StringBuilder s = new StringBuilder("| measure | value | raw limit (same run) | ratio | notes |\n| --- | --- | --- | --- | --- |\n");
        for (Row r : rows) {
            s.append("| ").append(r.measure).append(" | ").append(r.value).append(" | ").append(r.raw).append(" | ")
                    .append(r.ratio).append(" | ").append(r.note.replace("|", "/")).append(" |\n");
        }
        return s.toString();
    }

    static String num(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        double a = Math.abs(v);
        return String.format(Locale.ROOT, a >= 100 ? "%,.0f" : a >= 10 ? "%.1f" : "%.2f", v);
    }

    static String ratio(double r) {
        return r >= 0.1 ? String.format(Locale.ROOT, "%.2f", r) : String.format(Locale.ROOT, "%.2g", r);
    }

    /** p-th percentile (nearest rank) of unsorted values; NaN when empty. */
    static double percentile(List<Long> values, double p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Long> sorted = values.stream().sorted().toList();
        int i = (int) Math.ceil(p / 100 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }

    static String p50p99max(List<Long> values, double scale) {
        if (values.isEmpty()) {
            return "n/a";
        }
        return num(percentile(values, 50) * scale) + " / " + num(percentile(values, 99) * scale) + " / "
                + num(percentile(values, 100) * scale);
    }
}
