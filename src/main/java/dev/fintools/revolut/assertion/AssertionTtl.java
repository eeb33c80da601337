package dev.fintools.revolut.assertion;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses {@code revolut.assertionTtl}: {@code 90s}, {@code 10m}, {@code 2h}, {@code 7d} or ISO-8601 {@code PT10M}. */
public final class AssertionTtl {
    public static final Duration DEFAULT = Duration.ofMinutes(10);
    /** Revolut's guide uses 90 days as its example; longer-lived assertions are refused. */
    public static final Duration MAXIMUM = Duration.ofDays(90);

    private static final Pattern SHORT_FORM = Pattern.compile("(\\d{1,9})([smhd])");

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
        Matcher matcher = SHORT_FORM.matcher(value.toLowerCase(Locale.ROOT));
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            return switch (matcher.group(2)) {
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
        }
        try {
            return Duration.parse(value);
        } catch (DateTimeParseException e) {
            throw new AssertionException(
                    "Cannot read revolut.assertionTtl '" + value + "': expected a number with a unit (90s, 10m, 2h,"
                            + " 7d) or an ISO-8601 duration such as PT10M.",
                    e);
        }
    }
}
