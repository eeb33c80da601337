package dev.fintools.revolut.emulator;

/** A refusal from the token endpoint, answered as {@code {"error": ..., "error_description": ...}}. */
final class OAuthError extends Exception {
    final int status;
    final String error;

    OAuthError(int status, String error, String description) {
        super(description, null, false, false);
        this.status = status;
        this.error = error;
    }

    static OAuthError invalidRequest(String description) {
        return new OAuthError(400, "invalid_request", description);
    }

    static OAuthError invalidClient(String description) {
        return new OAuthError(401, "invalid_client", description);
    }

    static OAuthError unauthorizedClient(String description) {
        return new OAuthError(400, "unauthorized_client", description);
    }

    static OAuthError invalidGrant(String description) {
        return new OAuthError(400, "invalid_grant", description);
    }
}
