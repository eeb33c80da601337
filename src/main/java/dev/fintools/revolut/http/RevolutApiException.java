package dev.fintools.revolut.http;

/**
 * A call to Revolut's API failed. The message names the endpoint (without query), the HTTP status if there was
 * one, Revolut's own message and the next step; it never contains a token, code or assertion.
 */
public final class RevolutApiException extends RuntimeException {
    /** What kind of failure, for callers that react differently (for example re-consent). */
    public enum Kind {
        /** 401: the access token is missing, expired or was replaced by a later refresh. */
        UNAUTHORIZED,
        /** 403: the IP whitelist of the certificate, or a missing scope. */
        FORBIDDEN,
        /** 429 after the allowed waiting. */
        RATE_LIMITED,
        /** 5xx after the allowed retries. */
        SERVER_ERROR,
        /** No answer within the timeouts. */
        TIMEOUT,
        /** The TLS handshake failed, usually because of an inspecting proxy. */
        TLS,
        /** The connection could not be opened or broke. */
        NETWORK,
        /** A body that is not the expected JSON: HTML, empty, truncated or missing fields. */
        BAD_RESPONSE,
        /** The token endpoint answered with an OAuth error ({@code {"error", "error_description"}}). */
        OAUTH_ERROR,
        /** Another 4xx answer, such as 400 or 404 from a non-token endpoint. */
        REQUEST_REJECTED
    }

    private final Kind kind;
    private final String endpoint;
    private final int status;
    private final String oauthError;
    private final boolean refreshTokenRefused;

    /**
     * @param status the HTTP status, or 0 when no response came
     * @param oauthError Revolut's {@code error} code, or null
     * @param refreshTokenRefused whether the refresh token itself was most likely refused (re-consent needed)
     */
    public RevolutApiException(
            Kind kind,
            String endpoint,
            int status,
            String oauthError,
            boolean refreshTokenRefused,
            String message,
            Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.endpoint = endpoint;
        this.status = status;
        this.oauthError = oauthError;
        this.refreshTokenRefused = refreshTokenRefused;
    }

    public RevolutApiException(Kind kind, String endpoint, int status, String message) {
        this(kind, endpoint, status, null, false, message, null);
    }

    public Kind kind() {
        return kind;
    }

    /** Method and URL without query, such as {@code POST https://sandbox-b2b.revolut.com/api/1.0/auth/token}. */
    public String endpoint() {
        return endpoint;
    }

    /** The HTTP status, or 0 when no response came. */
    public int status() {
        return status;
    }

    /** Revolut's OAuth {@code error} code such as {@code invalid_grant}, or null. */
    public String oauthError() {
        return oauthError;
    }

    /**
     * Whether the token endpoint most likely refused the refresh token itself (expired consent after 90 days,
     * revoked access): the consent step has to be repeated to get a new one.
     */
    public boolean isRefreshTokenRefused() {
        return refreshTokenRefused;
    }

    /** The same failure with a sentence appended, such as how many attempts were made. */
    RevolutApiException withNote(String note) {
        return new RevolutApiException(
                kind, endpoint, status, oauthError, refreshTokenRefused, getMessage() + " " + note, getCause());
    }
}
