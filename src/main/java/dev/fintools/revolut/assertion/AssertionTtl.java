package dev.fintools.revolut.assertion;

import dev.fintools.revolut.config.Durations;
import java.time.Duration;

/** Parses {@code revolut.assertionTtl}: {@code 90s}, {@code 10m}, {@code 2h}, {@code 7d} or ISO-8601 {@code PT10M}. */
public final class AssertionTtl {
    public static final Duration DEFAULT = Duration.ofMinutes(10);
    /** Revolut's guide uses 90 days as its example; longer-lived assertions are refused. */
    public static final Duration MAXIMUM = Duration.ofDays(90);

    private AssertionTtl() {}

    /**
     * @throws AssertionException for an unreadable, zero, negative or too long value
     */
    public static Duration parse(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT;
        }
        Duration ttl = toDuration(value.trim());
        if (ttl.isZero() || ttl.isNegative() || ttl.compareTo(MAXIMUM) > 0) {
            throw new AssertionException("Refusing revolut.assertionTtl '" + value + "': expected more than zero and"
                    + " at most 90 days (90d). A short lifetime, such as the default 10m, limits the harm of a"
                    + " leaked assertion.");
        }
        return ttl;
    }

    private static Duration toDuration(String value) {
        try {
            return Durations.parse("revolut.assertionTtl", value);
        } catch (IllegalArgumentException e) {
            throw new AssertionException(e.getMessage(), e);
        }
    }
}
