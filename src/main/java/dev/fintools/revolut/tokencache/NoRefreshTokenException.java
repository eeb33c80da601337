package dev.fintools.revolut.tokencache;

/** Neither the configuration nor the token cache has a refresh token for this client and environment. */
public final class NoRefreshTokenException extends RuntimeException {
    NoRefreshTokenException(String message) {
        super(message);
    }
}
