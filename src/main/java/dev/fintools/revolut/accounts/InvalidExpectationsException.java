package dev.fintools.revolut.accounts;

import java.util.List;

/**
 * The accounts expectations configured by the user are invalid. Raised before any request is sent; the message lists
 * every bad entry at once, one per line, each with the parameter to fix.
 */
public final class InvalidExpectationsException extends IllegalArgumentException {
    private final List<String> problems;

    InvalidExpectationsException(List<String> problems) {
        super(message(problems));
        this.problems = List.copyOf(problems);
    }

    /** One sentence per bad entry, in the order of the parameters. */
    public List<String> problems() {
        return problems;
    }

    private static String message(List<String> problems) {
        String count = problems.size() == 1 ? "1 problem" : problems.size() + " problems";
        return "Invalid accounts expectations (" + count + "):\n- " + String.join("\n- ", problems);
    }
}
