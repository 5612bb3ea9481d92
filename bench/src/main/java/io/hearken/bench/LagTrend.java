package io.hearken.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Consumer lag sampled during a step, per consumer group. A group's lag grows when the straight line fitted to its
 * samples rises over the step by more than 200 records plus half its median: a stage falling behind steadily (say
 * the notifier's) shows as growth even while the other groups' lag is flat, and a noisy but level lag does not.
 */
final class LagTrend {

    private record Sample(double seconds, Map<String, Long> lag) {
    }

    private final List<Sample> samples = new ArrayList<>();
    private final long start = System.nanoTime();

    void add(Map<String, Long> lagByGroup) {
        add((System.nanoTime() - start) / 1e9, lagByGroup);
    }

    synchronized void add(double seconds, Map<String, Long> lagByGroup) {
        samples.add(new Sample(seconds, Map.copyOf(lagByGroup)));
    }

    synchronized long totalAtEnd() {
        return samples.isEmpty() ? 0 : samples.get(samples.size() - 1).lag().values().stream().mapToLong(Long::longValue).sum();
    }

    synchronized double totalMedian() {
        return Table.percentile(samples.stream().map(s -> s.lag().values().stream().mapToLong(Long::longValue).sum()).toList(), 50);
    }

    /** Groups whose lag grew, with their growth over the step (records). */
    synchronized Map<String, Long> growing() {
        Map<String, Long> out = new LinkedHashMap<>();
        if (samples.size() < 3) {
            return out;
        }
        samples.get(samples.size() - 1).lag().keySet().forEach(group -> {
            List<double[]> points = new ArrayList<>();
            List<Long> values = new ArrayList<>();
            for (Sample s : samples) {
                Long lag = s.lag().get(group);
                if (lag != null) {
                    points.add(new double[] {s.seconds(), lag});
                    values.add(lag);
                }
            }
            if (points.size() < 3) {
                return;
            }
            double rise = slope(points) * (points.get(points.size() - 1)[0] - points.get(0)[0]);
            if (rise > 200 + 0.5 * Table.percentile(values, 50)) {
                out.put(group, Math.round(rise));
            }
        });
        return out;
    }

    /** Least squares. */
    static double slope(List<double[]> points) {
        double n = points.size();
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        for (double[] p : points) {
            sx += p[0];
            sy += p[1];
            sxx += p[0] * p[0];
            sxy += p[0] * p[1];
        }
        double d = n * sxx - sx * sx;
        return d == 0 ? 0 : (n * sxy - sx * sy) / d;
    }
}
