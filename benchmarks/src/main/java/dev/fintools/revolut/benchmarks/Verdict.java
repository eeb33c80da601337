package dev.fintools.revolut.benchmarks;

/** The words the report uses for a target. */
final class Verdict {
    private Verdict() {}

    static String of(boolean met) {
        return met ? "met" : "**not met**";
    }

    static String notAvailable(String missing) {
        return "not available yet: " + missing;
    }
}
