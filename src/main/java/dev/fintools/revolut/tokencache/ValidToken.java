package dev.fintools.revolut.tokencache;

import dev.fintools.revolut.secrets.Secret;
import java.time.Instant;

/**
 * An access token that was valid for the requested time when it was handed out. {@link #toString()} is masked.
 *
 * @param refreshToken the refresh token now stored (after a rotation, the new one)
 * @param refreshed whether a request to the token endpoint was made (false: reused from the cache)
 * @param refreshTokenRotated whether Revolut returned a new refresh token that replaced the stored one; a refresh
 *     token configured in settings.xml is then outdated and should be replaced by the new one from the cache
 */
public record ValidToken(
        Secret accessToken, Instant expiresAt, Secret refreshToken, boolean refreshed, boolean refreshTokenRotated) {}
