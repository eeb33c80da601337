package dev.fintools.revolut.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    private final RetryPolicy policy =
            new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(8), Duration.ofSeconds(60));

    @Test
    void doublesTheBackoffAfterEachFailedAttempt() {
        assertThat(policy.backoff(1, () -> 0.99999)).isEqualTo(Duration.ofMillis(999));
        assertThat(policy.backoff(2, () -> 0.99999)).isEqualTo(Duration.ofMillis(1999));
        assertThat(policy.backoff(3, () -> 0.99999)).isEqualTo(Duration.ofMillis(3999));
    }

    @Test
    void capsTheBackoffAtTheMaximum() {
        assertThat(policy.backoff(30, () -> 0.99999)).isEqualTo(Duration.ofMillis(7999));
    }

    @Test
    void jitterKeepsAtLeastHalfOfTheStep() {
        assertThat(policy.backoff(3, () -> 0.0)).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void refusesFewerThanOneAttempt() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO, Duration.ZERO));

        assertThat(e).hasMessage("maxAttempts must be at least 1, was 0");
    }
}
