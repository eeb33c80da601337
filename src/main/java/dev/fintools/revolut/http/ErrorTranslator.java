package dev.fintools.revolut.http;

/** Turns a non-2xx answer into an exception; the token client uses its own for OAuth errors. */
@FunctionalInterface
public interface ErrorTranslator {
    /** Returns the exception to throw, or null to fall back to the generic mapping by status. */
    RevolutApiException translate(HttpFailure failure);
}
