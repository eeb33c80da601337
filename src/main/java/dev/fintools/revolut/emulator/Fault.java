package dev.fintools.revolut.emulator;

import java.time.Duration;
import java.util.Objects;

/**
 * A failure the emulator plays instead of the normal answer, for the next {@code times} requests to a path.
 *
 * @param status the HTTP status to answer with, such as 429, 500 or 503; 0 for none (only a delay, then the normal
 *     answer, or a dropped connection)
 * @param retryAfter the {@code Retry-After} header value, or null for none
 * @param body the response body, or null for an empty one
 * @param delay how long to wait before answering (or dropping)
 * @param drop close the connection without any response
 * @param times how many requests the fault applies to, at least 1
 */
public record Fault(int status, String retryAfter, String body, Duration delay, boolean drop, int times) {

    public Fault {
        delay = Objects.requireNonNullElse(delay, Duration.ZERO);
        if (times < 1) {
            throw new IllegalArgumentException("A fault applies to at least 1 request; got times=" + times);
        }
        if (status != 0 && (status < 100 || status > 599)) {
            throw new IllegalArgumentException("A fault status must be an HTTP status (100-599) or 0; got " + status);
        }
        if (delay.isNegative()) {
            throw new IllegalArgumentException("A fault delay cannot be negative; got " + delay);
        }
    }

    /** Answers {@code status} with an empty body, once. */
    public static Fault status(int status) {
        return new Fault(status, null, null, Duration.ZERO, false, 1);
    }

    /** Closes the connection without a response, once. */
    public static Fault dropConnection() {
        return new Fault(0, null, null, Duration.ZERO, true, 1);
    }

    /** Waits, then answers normally, once. */
    public static Fault delay(Duration delay) {
        return new Fault(0, null, null, delay, false, 1);
    }

    public Fault withRetryAfter(String value) {
        return new Fault(status, value, body, delay, drop, times);
    }

    public Fault withBody(String value) {
        return new Fault(status, retryAfter, value, delay, drop, times);
    }

    public Fault withDelay(Duration value) {
        return new Fault(status, retryAfter, body, value, drop, times);
    }

    public Fault times(int value) {
        return new Fault(status, retryAfter, body, delay, drop, value);
    }
}
