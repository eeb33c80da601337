package dev.fintools.revolut.keys;

/**
 * A private key, certificate or key file could not be read, generated or written. The message says what failed, what
 * was expected and what to do next; it never contains key material or a passphrase.
 */
public final class KeyMaterialException extends RuntimeException {
    public KeyMaterialException(String message) {
        super(message);
    }

    public KeyMaterialException(String message, Throwable cause) {
        super(message, cause);
    }
}
