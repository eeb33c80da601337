package dev.fintools.revolut.http;

/**
 * A successful (2xx) answer. The body may hold tokens, so {@link #toString()} leaves it out.
 *
 * @param endpoint method and URL without query
 */
public record ApiResponse(String endpoint, int status, String body) {
    @Override
    public String toString() {
        return "ApiResponse[" + endpoint + " -> HTTP " + status + ", " + body.length() + " characters]";
    }
}
