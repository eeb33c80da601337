package dev.fintools.revolut.http;

/**
 * A non-2xx answer handed to an {@link ErrorTranslator}.
 *
 * @param endpoint method and URL without query
 * @param body the raw body; only ever shown through {@link ResponseBodies#excerpt(String)}
 */
public record HttpFailure(String endpoint, int status, String body) {
    /** Revolut's own message ({@code message}, or {@code error: error_description}), or null. */
    public String revolutMessage() {
        return ResponseBodies.revolutMessage(body);
    }

    @Override
    public String toString() {
        return "HttpFailure[" + endpoint + " -> HTTP " + status + "]";
    }
}
