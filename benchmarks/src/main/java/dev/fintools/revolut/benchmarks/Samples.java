package dev.fintools.revolut.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Timings of one contender, in milliseconds, with the order statistics the report uses. */
final class Samples {
    private final String name;
    private final List<Double> values = new ArrayList<>();

    Samples(String name) {
        this.name = name;
    }

    static Samples of(String name, double[] values) {
        Samples samples = new Samples(name);
        for (double value : values) {
            samples.add(value);
        }
        return samples;
    }

    String name() {
        return name;
    }

    void add(double value) {
        values.add(value);
    }

    List<Double> values() {
        return List.copyOf(values);
    }

    int count() {
        return values.size();
    }

    double median() {
        return percentile(50);
    }

    /** Nearest-rank percentile. */
    double percentile(double percent) {
        List<Double> sorted = sorted();
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    double min() {
        return sorted().get(0);
    }

    double max() {
        List<Double> sorted = sorted();
        return sorted.get(sorted.size() - 1);
    }

    /** "median (p10 to p90, min to max)", the spread the report shows for noisy figures. */
    String spread(String unit) {
        return String.format(
                Locale.ROOT,
                "%s %s (p10 %s, p90 %s; min %s, max %s; n = %d)",
                number(median()),
                unit,
                number(percentile(10)),
                number(percentile(90)),
                number(min()),
                number(max()),
                count());
    }

    static String number(double value) {
        if (value >= 100) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        if (value >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }

    static String ratio(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private List<Double> sorted() {
        if (values.isEmpty()) {
            throw new IllegalStateException("No samples for " + name);
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted;
    }
}
