package dev.fintools.revolut.http;

import java.time.Clock;
import java.time.Duration;

/**
 * A token bucket keeping this process under Revolut's limit of about 60 requests per minute per business. In any
 * 60 s window at most {@code burst + requestsPerMinute} requests start. One instance is shared by everything that
 * calls the API from one build; there is no global instance.
 */
public final class RateLimiter {
    private static final long NANOS_PER_MINUTE = Duration.ofMinutes(1).toNanos();

    private final Clock clock;
    private final Sleeper sleeper;
    private final int burst;
    private final long nanosPerPermit;
    private long theoreticalArrival; // GCRA: when the next request would start at the steady rate, in nanos

    /**
     * @param requestsPerMinute refill rate
     * @param burst requests allowed back to back before the rate applies
     */
    public RateLimiter(int requestsPerMinute, int burst, Clock clock, Sleeper sleeper) {
        if (requestsPerMinute < 1 || burst < 1) {
            throw new IllegalArgumentException(
                    "requestsPerMinute and burst must be positive, were " + requestsPerMinute + " and " + burst);
        }
        this.clock = clock;
        this.sleeper = sleeper;
        this.burst = burst;
        this.nanosPerPermit = NANOS_PER_MINUTE / requestsPerMinute;
        this.theoreticalArrival = Long.MIN_VALUE;
    }

    /** 50 per minute with bursts of 5: at most 55 requests in any minute, below Revolut's 60. */
    public static RateLimiter forRevolut(Clock clock, Sleeper sleeper) {
        return new RateLimiter(50, 5, clock, sleeper);
    }

    /** A limiter that never waits, for the emulator and tests. */
    public static RateLimiter unlimited() {
        return new RateLimiter(Integer.MAX_VALUE, Integer.MAX_VALUE, Clock.systemUTC(), duration -> {});
    }

    /** Waits until a request may start. */
    public void acquire() throws InterruptedException {
        Duration wait = reserve();
        if (!wait.isZero()) {
            sleeper.sleep(wait);
        }
    }

    private synchronized Duration reserve() {
        long now = nowNanos();
        theoreticalArrival = Math.max(theoreticalArrival, now) + nanosPerPermit;
        long earliestStart = theoreticalArrival - (long) burst * nanosPerPermit;
        return earliestStart > now ? Duration.ofNanos(earliestStart - now) : Duration.ZERO;
    }

    private long nowNanos() {
        var instant = clock.instant();
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }
}
