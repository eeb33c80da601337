package dev.fintools.revolut.tokencache;

import dev.fintools.revolut.secrets.Secret;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The content of a token cache file. {@link #toString()} shows masked tokens only.
 *
 * @param accessToken null when none was obtained yet
 * @param expiresAt when the access token stops working; null without access token
 * @param consentedAt when the code was exchanged (consent given); null when the refresh token came from elsewhere
 * @param refreshTokenSource where the refresh token came from: {@link #FROM_CODE_EXCHANGE},
 *     {@link #FROM_CONFIGURATION} or {@link #FROM_ROTATION}; null if unknown
 * @param refreshTokenOrigin fingerprint (SHA-256) of the refresh token this one descends from: the configured or
 *     exchanged one before any rotation; null if unknown
 */
public record StoredTokens(
        ClientIdentity identity,
        Secret refreshToken,
        Secret accessToken,
        Instant expiresAt,
        Instant consentedAt,
        String refreshTokenSource,
        String refreshTokenOrigin) {
    public static final String FROM_CODE_EXCHANGE = "code-exchange";
    public static final String FROM_CONFIGURATION = "configuration";
    public static final String FROM_ROTATION = "rotation";

    public StoredTokens {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(refreshToken, "refreshToken");
    }

    /** Whether the access token works for at least {@code minValidity} more after {@code now}. */
    public boolean accessTokenValidFor(Duration minValidity, Instant now) {
        return accessToken != null && expiresAt != null && expiresAt.isAfter(now.plus(minValidity));
    }
}
