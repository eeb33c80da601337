package dev.fintools.revolut.credentials;

/**
 * A value and where it was found, so goals can report the source without the value.
 *
 * @param value the value; a {@link dev.fintools.revolut.secrets.Secret} for secrets
 * @param source where it came from, as the user would write it, such as {@code environment variable
 *     REVOLUT_CLIENT_ID}
 */
public record Resolved<T>(T value, String source) {

    @Override
    public String toString() {
        return "Resolved[from " + source + "]";
    }
}
