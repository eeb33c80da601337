package dev.fintools.revolut.emulator;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Authorization codes, refresh tokens and access tokens, with Revolut's lifetimes: a code lives 2 minutes and is
 * used once; an access token lives 40 minutes and only the newest one of its refresh token works.
 */
final class Grants {
    static final Duration CODE_LIFETIME = Duration.ofMinutes(2);
    static final Duration ACCESS_TOKEN_LIFETIME = Duration.ofSeconds(2400);
    /** What the token response says: Revolut answers 2399 for a 40-minute token. */
    static final int EXPIRES_IN_SECONDS = 2399;

    private static final int RANDOM_BYTES = 32; // 43 url-safe characters, as in Revolut's codes and tokens

    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final String prefix;
    private final Map<String, Code> codes = new ConcurrentHashMap<>();
    private final Map<String, Refresh> refreshTokens = new ConcurrentHashMap<>();
    private final Map<String, Access> accessTokens = new ConcurrentHashMap<>();
    private final Set<String> rotatedAway = ConcurrentHashMap.newKeySet();
    private final boolean rotateRefreshTokens;

    private static final class Code {
        final String clientId;
        final Set<Scope> scopes;
        final Instant issuedAt;
        boolean used;

        Code(String clientId, Set<Scope> scopes, Instant issuedAt) {
            this.clientId = clientId;
            this.scopes = scopes;
            this.issuedAt = issuedAt;
        }
    }

    private static final class Refresh {
        final String clientId;
        final Set<Scope> scopes;
        volatile boolean revoked;
        volatile String currentAccessToken;

        Refresh(String clientId, Set<Scope> scopes) {
            this.clientId = clientId;
            this.scopes = scopes;
        }
    }

    private record Access(Refresh refresh, Instant issuedAt) {}

    /** The outcome of presenting an access token. */
    enum Check {
        VALID,
        VALID_WITHOUT_READ,
        UNAUTHORIZED
    }

    /** A token response, before it is written as JSON. */
    record Issued(String accessToken, String refreshToken) {}

    Grants(Clock clock, String prefix, boolean rotateRefreshTokens) {
        this.clock = clock;
        this.prefix = prefix;
        this.rotateRefreshTokens = rotateRefreshTokens;
    }

    /** A random client ID shaped like Revolut's: 43 url-safe characters. */
    String newClientId() {
        return randomText();
    }

    String newCode(String clientId, Set<Scope> scopes) {
        String code = prefix + randomText();
        codes.put(code, new Code(clientId, Set.copyOf(scopes), clock.instant()));
        return code;
    }

    /** Exchanges a code for tokens: once, within 2 minutes, by the client it was issued to. */
    Issued exchange(String code, String clientId) throws OAuthError {
        Code found = code == null ? null : codes.get(code);
        if (found == null) {
            throw OAuthError.unauthorizedClient("The authorization code is invalid: it was not issued by this"
                    + " server. Repeat the consent step to get a new code.");
        }
        synchronized (found) {
            if (found.used) {
                throw OAuthError.unauthorizedClient("The authorization code has already been used; a code can be"
                        + " exchanged once. Repeat the consent step, or refresh with the refresh token.");
            }
            found.used = true;
        }
        if (clock.instant().isAfter(found.issuedAt.plus(CODE_LIFETIME))) {
            throw OAuthError.unauthorizedClient("The authorization code has expired: codes are valid for 2 minutes."
                    + " Repeat the consent step and exchange the new code at once.");
        }
        if (!found.clientId.equals(clientId)) {
            throw OAuthError.unauthorizedClient("The authorization code was issued to another client ID than the"
                    + " assertion's sub. Use the client ID the consent was given to.");
        }
        Refresh refresh = new Refresh(clientId, found.scopes);
        String refreshToken = prefix + randomText();
        refreshTokens.put(refreshToken, refresh);
        return new Issued(newAccessToken(refresh), refreshToken);
    }

    /**
     * A new access token for a refresh token; every earlier access token of that refresh token stops working. When
     * rotating, also a new refresh token, and the one presented stops working.
     */
    Issued refresh(String refreshToken, String clientId) throws OAuthError {
        Refresh found = refreshToken == null ? null : refreshTokens.get(refreshToken);
        if (found == null && rotatedAway.contains(refreshToken)) {
            throw OAuthError.invalidGrant("The refresh token was replaced by a newer one the last time it was used"
                    + " (this emulator rotates refresh tokens). Use the newest refresh token, or repeat the consent"
                    + " step and exchange the new code.");
        }
        if (found == null) {
            throw OAuthError.invalidGrant("The refresh token is invalid. Repeat the consent step and exchange the new"
                    + " code for a new refresh token.");
        }
        if (!found.clientId.equals(clientId)) {
            throw OAuthError.unauthorizedClient("The refresh token was issued to another client ID than the"
                    + " assertion's sub. Use the client ID the consent was given to.");
        }
        if (found.revoked) {
            throw OAuthError.invalidGrant("The refresh token has been revoked: the consent has expired (businesses"
                    + " re-authorise every 90 days). Repeat the consent step and exchange the new code.");
        }
        return rotateRefreshTokens ? rotate(refreshToken, found) : new Issued(newAccessToken(found), null);
    }

    /** Moves the grant to a new refresh token; of two refreshes racing with the same token, one wins. */
    private Issued rotate(String refreshToken, Refresh found) throws OAuthError {
        if (!refreshTokens.remove(refreshToken, found)) {
            throw OAuthError.invalidGrant("The refresh token was replaced by a newer one by a concurrent refresh"
                    + " (this emulator rotates refresh tokens). Use the newest refresh token.");
        }
        rotatedAway.add(refreshToken);
        String next = prefix + randomText();
        refreshTokens.put(next, found);
        return new Issued(newAccessToken(found), next);
    }

    private String newAccessToken(Refresh refresh) {
        String token = prefix + randomText();
        accessTokens.put(token, new Access(refresh, clock.instant()));
        String previous = refresh.currentAccessToken;
        refresh.currentAccessToken = token;
        if (previous != null) {
            accessTokens.remove(previous);
        }
        return token;
    }

    /** Checks a bearer token: known, at most 40 minutes old, the newest of its refresh token, not revoked. */
    Check check(String accessToken) {
        Access access = accessTokens.get(accessToken);
        if (access == null
                || access.refresh.revoked
                || !accessToken.equals(access.refresh.currentAccessToken)
                || clock.instant().isAfter(access.issuedAt.plus(ACCESS_TOKEN_LIFETIME))) {
            return Check.UNAUTHORIZED;
        }
        return access.refresh.scopes.contains(Scope.READ) ? Check.VALID : Check.VALID_WITHOUT_READ;
    }

    /** Revokes every refresh token (and so every access token) of a client; returns how many. */
    int revoke(String clientId) {
        int count = 0;
        for (Refresh refresh : refreshTokens.values()) {
            if (refresh.clientId.equals(clientId) && !refresh.revoked) {
                refresh.revoked = true;
                count++;
            }
        }
        return count;
    }

    void clear() {
        codes.clear();
        refreshTokens.clear();
        accessTokens.clear();
        rotatedAway.clear();
    }

    private String randomText() {
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
