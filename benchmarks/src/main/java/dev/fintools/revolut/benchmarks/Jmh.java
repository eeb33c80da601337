package dev.fintools.revolut.benchmarks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs a JMH class's benchmarks in alternating rounds (A then B, then B then A...), one fork each, so that the two
 * sides of a ratio share the machine's state as closely as two JVMs can.
 */
final class Jmh {
    /** Measurement iterations of every round, per benchmark method, in the order they ran. */
    record Rounds(Map<String, List<Samples>> byMethod) {
        Samples all(String method) {
            Samples all = new Samples(method);
            byMethod.get(method).forEach(round -> round.values().forEach(all::add));
            return all;
        }

        /** One ratio per round: the median of {@code numerator}'s iterations over {@code denominator}'s. */
        Samples ratios(String numerator, String denominator) {
            Samples ratios = new Samples(numerator + "/" + denominator);
            for (int round = 0; round < byMethod.get(numerator).size(); round++) {
                ratios.add(byMethod.get(numerator).get(round).median()
                        / byMethod.get(denominator).get(round).median());
            }
            return ratios;
        }
    }

    /** What one round does: warm-up and measurement per method. */
    record Settings(int warmupIterations, int measurementIterations, TimeValue iterationTime) {
        String describe() {
            return "JMH 1.37, 1 fork per method and round, " + warmupIterations + " warm-up and "
                    + measurementIterations + " measured iterations"
                    + (iterationTime == null ? " (single shots)" : " of " + iterationTime);
        }
    }

    private Jmh() {}

    static Rounds run(Class<?> benchmark, List<String> methods, int rounds, Settings settings) {
        Map<String, List<Samples>> byMethod = new LinkedHashMap<>();
        methods.forEach(method -> byMethod.put(method, new ArrayList<>()));
        for (int round = 0; round < rounds; round++) {
            List<String> order = new ArrayList<>(methods);
            if (round % 2 == 1) {
                java.util.Collections.reverse(order);
            }
            for (String method : order) {
                byMethod.get(method).add(runOne(benchmark, method, settings));
            }
        }
        return new Rounds(byMethod);
    }

    private static Samples runOne(Class<?> benchmark, String method, Settings settings) {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include("^" + benchmark.getName().replace(".", "\\.") + "\\." + method + "$")
                .forks(1)
                .warmupIterations(settings.warmupIterations())
                .measurementIterations(settings.measurementIterations())
                .shouldFailOnError(true);
        if (settings.iterationTime() != null) {
            options.warmupTime(settings.iterationTime()).measurementTime(settings.iterationTime());
        }
        try {
            Collection<RunResult> results = new Runner(options.build()).run();
            Samples samples = new Samples(method);
            for (RunResult result : results) {
                for (BenchmarkResult benchmarkResult : result.getBenchmarkResults()) {
                    for (IterationResult iteration : benchmarkResult.getIterationResults()) {
                        samples.add(iteration.getPrimaryResult().getScore());
                    }
                }
            }
            return samples;
        } catch (RunnerException e) {
            throw new IllegalStateException("JMH failed for " + benchmark.getSimpleName() + "." + method, e);
        }
    }
}
