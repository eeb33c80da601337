package dev.fintools.revolut.http;

import java.time.Duration;
import java.util.Objects;

/**
 * Timeouts of the HTTP client.
 *
 * @param connect time to open the TCP and TLS connection
 * @param read longest silence while waiting for response bytes
 * @param call limit for one whole request, from connecting to the last byte of the body
 */
public record HttpTimeouts(Duration connect, Duration read, Duration call) {
    public HttpTimeouts {
        Objects.requireNonNull(connect, "connect");
        Objects.requireNonNull(read, "read");
        Objects.requireNonNull(call, "call");
    }

    /** 10 s to connect, 30 s to read, 60 s per call. */
    public static HttpTimeouts defaults() {
        return new HttpTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(60));
    }
}
