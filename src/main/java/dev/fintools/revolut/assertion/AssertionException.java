package dev.fintools.revolut.assertion;

/**
 * The client assertion or consent URL cannot be made from the values given. The message says which value, what was
 * expected and what to change; it never contains the assertion, a key or a passphrase.
 */
public final class AssertionException extends RuntimeException {
    public AssertionException(String message) {
        super(message);
    }

    public AssertionException(String message, Throwable cause) {
        super(message, cause);
    }
}
