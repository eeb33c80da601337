package dev.fintools.revolut.oauth;

import dev.fintools.revolut.secrets.Secret;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A successful answer of the token endpoint. {@link #toString()} shows only masked tokens.
 */
public final class TokenResponse {
    private final Secret accessToken;
    private final String tokenType;
    private final Duration expiresIn;
    private final Secret refreshToken;
    private final Instant expiresAt;

    /**
     * @param refreshToken null when the answer has none (the usual refresh answer)
     * @param expiresAt when the access token stops working, from the clock at the time of the answer
     */
    public TokenResponse(
            Secret accessToken, String tokenType, Duration expiresIn, Secret refreshToken, Instant expiresAt) {
        this.accessToken = Objects.requireNonNull(accessToken, "accessToken");
        this.tokenType = Objects.requireNonNull(tokenType, "tokenType");
        this.expiresIn = Objects.requireNonNull(expiresIn, "expiresIn");
        this.refreshToken = refreshToken;
        this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public Secret accessToken() {
        return accessToken;
    }

    /** {@code bearer}. */
    public String tokenType() {
        return tokenType;
    }

    /** The lifetime Revolut gave ({@code expires_in}), 2399 s at the time of writing. */
    public Duration expiresIn() {
        return expiresIn;
    }

    /**
     * The refresh token in the answer, or null. A code exchange always has one; on a refresh one means Revolut
     * rotated it and the old one must no longer be used.
     */
    public Secret refreshToken() {
        return refreshToken;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    @Override
    public String toString() {
        return "TokenResponse[accessToken=" + accessToken + ", tokenType=" + tokenType + ", expiresIn="
                + expiresIn.toSeconds() + "s, refreshToken=" + refreshToken + ", expiresAt=" + expiresAt + "]";
    }
}
