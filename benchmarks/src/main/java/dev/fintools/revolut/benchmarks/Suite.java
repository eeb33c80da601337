package dev.fintools.revolut.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs one item of the suite and writes its section of docs/performance.md to {@code <work>/sections/<item>.md}.
 * Started by {@code benchmarks/run}, which passes the {@code bench.*} system properties; see {@link Bench}.
 */
public final class Suite {
    private Suite() {}

    public static void main(String[] args) throws Exception {
        Bench bench = Bench.fromSystemProperties();
        Files.createDirectories(bench.work().resolve("sections"));
        for (String item : args) {
            long start = System.nanoTime();
            String section = section(item, bench);
            Path file = bench.work().resolve("sections").resolve(item + ".md");
            Files.writeString(file, section);
            System.out.printf(
                    "[suite] item %s done in %d s -> %s%n", item, (System.nanoTime() - start) / 1_000_000_000L, file);
        }
    }

    private static String section(String item, Bench bench) throws Exception {
        return switch (item) {
            case "1" -> AssertionSigning.run(bench);
            case "2" -> KeyGeneration.run(bench);
            case "3" -> BuildOverhead.run(bench);
            case "4" -> RequestsPerBuild.run(bench);
            case "5" -> EmulatorLoad.run(bench);
            case "6" -> Footprint.run(bench);
            default -> throw new IllegalArgumentException("No item " + item + ": expected 1 to 6");
        };
    }

    /** The section of an item whose prerequisites are missing: its title, its target and why it did not run. */
    static String skipped(String title, String target, String missing) {
        System.out.println("[suite] " + title + ": " + Verdict.notAvailable(missing));
        return "## " + title + "\n\n| target | verdict |\n| --- | --- |\n| " + target + " | "
                + Verdict.notAvailable(missing) + " |\n\n";
    }
}
