package dev.fintools.revolut.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads durations as users write them in parameters: {@code 90s}, {@code 10m}, {@code 2h}, {@code 7d} or
 * {@code PT10M}.
 */
public final class Durations {
    private static final Pattern SHORT_FORM = Pattern.compile("(\\d{1,9})([smhd])");

    private Durations() {}

    /**
     * @param parameter the property the value came from, for the message
     * @throws IllegalArgumentException naming the parameter and the accepted forms
     */
    public static Duration parse(String parameter, String value) {
        Matcher matcher = SHORT_FORM.matcher(value.trim().toLowerCase(Locale.ROOT));
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
            return Duration.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "Cannot read " + parameter + " '" + value + "': expected a number with a unit (90s, 10m, 2h,"
                            + " 7d) or an ISO-8601 duration such as PT10M.",
                    e);
        }
    }
}
