package dev.fintools.revolut.credentials;

/** A credential was found nowhere; the message names every place looked at and how to set it. */
public final class MissingCredentialException extends RuntimeException {
    public MissingCredentialException(String message) {
        super(message);
    }
}
