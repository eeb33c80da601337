package dev.fintools.revolut.mojo;

/**
 * A failure {@code revolut:emulator-start} stages on the emulator, played instead of the normal answer for the next
 * {@code times} requests to a path:
 *
 * <pre>{@code
 * <faults>
 *   <fault>
 *     <path>/api/1.0/auth/token</path>
 *     <status>503</status>
 *     <times>2</times>
 *   </fault>
 *   <fault>
 *     <path>/api/1.0/accounts</path>
 *     <status>429</status>
 *     <retryAfter>2</retryAfter>
 *   </fault>
 * </faults>
 * }</pre>
 */
public class Fault {
    /** The exact request path: {@code /api/1.0/auth/token}, {@code /api/1.0/accounts} or {@code /app-confirm}. */
    String path;

    /** The HTTP status to answer with, such as 429, 500 or 503; none (0) with only a delay or a dropped connection. */
    int status;

    /** How many requests in a row get the fault; default 1. */
    int times = 1;

    /** The {@code Retry-After} header to send, in seconds or as an HTTP date; none by default. */
    String retryAfter;

    /** The response body, such as Revolut's JSON error; empty by default. */
    String body;

    /** Milliseconds to wait before answering (or dropping); default 0. */
    long delayMillis;

    /** Closes the connection without any answer, as a network failure would; default {@code false}. */
    boolean dropConnection;

    @Override
    public String toString() {
        return "Fault[" + path + ", status " + status + ", " + times + " time(s)"
                + (dropConnection ? ", connection dropped" : "") + "]";
    }
}
