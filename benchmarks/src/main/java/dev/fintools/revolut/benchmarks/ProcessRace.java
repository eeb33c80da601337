package dev.fintools.revolut.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Times whole processes side by side: each round runs every contender once, and the order flips from one round to
 * the next so that neither side always runs on a machine warmed (or disturbed) by the other.
 */
final class ProcessRace {
    /** One contender: a command, its working folder and extra environment. */
    record Contender(String name, List<String> command, Path directory, Map<String, String> environment) {
        Contender(String name, List<String> command, Path directory) {
            this(name, command, directory, Map.of());
        }
    }

    private final Path log;

    /** @param log where the processes' output goes (appended), so that failures can be read afterwards */
    ProcessRace(Path log) {
        this.log = log;
    }

    Map<String, Samples> run(int rounds, List<Contender> contenders) {
        Map<String, Samples> results = new LinkedHashMap<>();
        contenders.forEach(contender -> results.put(contender.name(), new Samples(contender.name())));
        for (int round = 0; round < rounds; round++) {
            List<Contender> order = new ArrayList<>(contenders);
            if (round % 2 == 1) {
                java.util.Collections.reverse(order);
            }
            for (Contender contender : order) {
                results.get(contender.name()).add(timeMillis(contender));
            }
        }
        return results;
    }

    /** Runs once, untimed, failing on a non-zero exit: a warm-up and a check that the command works at all. */
    void runOnce(Contender contender) {
        timeMillis(contender);
    }

    double timeMillis(Contender contender) {
        ProcessBuilder builder = new ProcessBuilder(contender.command())
                .directory(contender.directory().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(contender.environment());
        try {
            Files.createDirectories(contender.directory());
            long start = System.nanoTime();
            Process process = builder.start();
            int exit = process.waitFor();
            long elapsed = System.nanoTime() - start;
            if (exit != 0) {
                throw new IllegalStateException(
                        contender.name() + " exited with " + exit + ": " + contender.command() + "; see " + log);
            }
            return elapsed / 1_000_000.0;
        } catch (IOException e) {
            throw new IllegalStateException("Could not start " + contender.command() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while timing " + contender.name(), e);
        }
    }
}
