package dev.fintools.revolut.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fintools.revolut.testing.FakeTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
    private final FakeTime time = new FakeTime();

    @Test
    void letsABurstThroughWithoutWaiting() throws InterruptedException {
        RateLimiter limiter = RateLimiter.forRevolut(time, time);

        for (int i = 0; i < 5; i++) {
            limiter.acquire();
        }

        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void spacesRequestsAfterTheBurstAtTheRate() throws InterruptedException {
        RateLimiter limiter = new RateLimiter(60, 2, time, time);

        for (int i = 0; i < 4; i++) {
            limiter.acquire();
        }

        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1));
    }

    @Test
    void keepsAnyMinuteBelowSixtyRequests() throws InterruptedException {
        RateLimiter limiter = RateLimiter.forRevolut(time, time);
        List<Instant> starts = new ArrayList<>();

        for (int i = 0; i < 300; i++) {
            limiter.acquire();
            starts.add(time.instant());
        }

        for (Instant start : starts) {
            long inWindow = starts.stream()
                    .filter(s -> !s.isBefore(start) && s.isBefore(start.plusSeconds(60)))
                    .count();
            assertThat(inWindow).isLessThan(60);
        }
    }
}
