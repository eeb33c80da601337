package dev.fintools.revolut.http;

import java.time.Duration;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * How often and how long a retryable request is tried again: at most {@code maxAttempts} attempts, waiting an
 * exponentially growing backoff (starting at {@code initialBackoff}, capped at {@code maxBackoff}, with jitter)
 * between them, and never waiting past {@code maxTotalTime} from the first attempt.
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxTotalTime) {
    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(maxTotalTime, "maxTotalTime");
    }

    /** 4 attempts, backoff from 1 s up to 8 s, 60 s in total. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(4, Duration.ofSeconds(1), Duration.ofSeconds(8), Duration.ofSeconds(60));
    }

    /** One attempt only. */
    public static RetryPolicy none() {
        return new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO);
    }

    /**
     * The wait after the given failed attempt (1 for the first): half of the exponential step plus a random part
     * of the other half, so that several builds failing together do not retry in lockstep.
     *
     * @param random gives values in [0, 1)
     */
    public Duration backoff(int failedAttempt, DoubleSupplier random) {
        long initialMillis = initialBackoff.toMillis();
        long step = initialMillis << Math.min(failedAttempt - 1, 20);
        long capped = Math.min(step < 0 ? Long.MAX_VALUE : step, maxBackoff.toMillis());
        long half = capped / 2;
        return Duration.ofMillis(half + (long) (random.getAsDouble() * (capped - half)));
    }
}
