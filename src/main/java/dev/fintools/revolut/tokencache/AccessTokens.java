package dev.fintools.revolut.tokencache;

import dev.fintools.revolut.http.RevolutApiException;
import dev.fintools.revolut.oauth.TokenClient;
import dev.fintools.revolut.oauth.TokenResponse;
import dev.fintools.revolut.secrets.Secret;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Hands out valid access tokens for one client, refreshing only when needed, with one refresh at a time across
 * threads and processes that share the store.
 *
 * <p>Which refresh token is used: the configured one (from settings.xml or the environment), unless the store
 * already holds it or a rotation of it, in which case the store's (possibly newer) one is used. Without a
 * configured one, the store's is used. A configured token unknown to the store wins, so replacing it in
 * settings.xml after a new consent takes effect at once.
 */
public final class AccessTokens {
    /** How long a consent lasts for businesses that must re-authorise (PSD2 strong customer authentication). */
    public static final Duration CONSENT_LIFETIME = Duration.ofDays(90);

    private final TokenStore store;
    private final TokenLocks locks;
    private final Supplier<TokenClient> client;
    private final Supplier<Secret> assertions;
    private final ClientIdentity identity;
    private final Secret configuredRefreshToken;
    private final Clock clock;

    /**
     * @param assertions makes a fresh client assertion for each request
     * @param configuredRefreshToken the refresh token from the configuration, or null
     */
    public AccessTokens(
            TokenStore store,
            TokenLocks locks,
            TokenClient client,
            Supplier<Secret> assertions,
            ClientIdentity identity,
            Secret configuredRefreshToken,
            Clock clock) {
        this(store, locks, () -> client, assertions, identity, configuredRefreshToken, clock);
    }

    /**
     * @param client made on first use: a build that reuses the stored token never sets up HTTP
     * @param assertions makes a fresh client assertion for each request
     * @param configuredRefreshToken the refresh token from the configuration, or null
     */
    public AccessTokens(
            TokenStore store,
            TokenLocks locks,
            Supplier<TokenClient> client,
            Supplier<Secret> assertions,
            ClientIdentity identity,
            Secret configuredRefreshToken,
            Clock clock) {
        this.store = store;
        this.locks = locks;
        this.client = client;
        this.assertions = assertions;
        this.identity = identity;
        this.configuredRefreshToken = configuredRefreshToken;
        this.clock = clock;
    }

    /**
     * An access token valid for at least {@code minValidity}: the cached one if it lasts long enough (no request),
     * otherwise a new one from one refresh, stored before it is returned.
     *
     * @throws RevolutApiException if the refresh fails
     * @throws TokenStoreException if the store is unreadable, cannot be written or stays locked
     * @throws NoRefreshTokenException if no refresh token is configured or stored
     */
    public ValidToken get(Duration minValidity) {
        try (TokenLocks.Held held = locks.lock(store)) {
            StoredTokens stored = readOwn(); // again, under the lock: another thread or build may have refreshed
            Lineage lineage = lineage(stored);
            if (lineage.fromStore && stored.accessTokenValidFor(minValidity, clock.instant())) {
                return new ValidToken(stored.accessToken(), stored.expiresAt(), stored.refreshToken(), false, false);
            }
            return refresh(lineage);
        }
    }

    /**
     * A new access token from one refresh, whatever the store holds, for callers that know the stored one stopped
     * working (a 401 from the API) or were asked to refresh.
     *
     * @throws RevolutApiException if the refresh fails
     */
    public ValidToken refreshNow() {
        try (TokenLocks.Held held = locks.lock(store)) {
            return refresh(lineage(readOwn()));
        }
    }

    /**
     * A working access token in place of one the API refused (401): the stored one if another build already
     * replaced the refused token, otherwise a new one from one refresh. Never refreshes twice for one refusal.
     *
     * @throws RevolutApiException if the refresh fails
     */
    public ValidToken replace(Secret refusedAccessToken) {
        try (TokenLocks.Held held = locks.lock(store)) {
            StoredTokens stored = readOwn();
            Lineage lineage = lineage(stored);
            if (lineage.fromStore
                    && !stored.accessToken().equals(refusedAccessToken)
                    && stored.accessTokenValidFor(Duration.ZERO, clock.instant())) {
                return new ValidToken(stored.accessToken(), stored.expiresAt(), stored.refreshToken(), false, false);
            }
            return refresh(lineage);
        }
    }

    /**
     * Exchanges an authorization code and stores the tokens, recording the time of consent.
     *
     * @throws RevolutApiException if the exchange fails
     */
    public ValidToken exchange(Secret code, Secret assertion) {
        try (TokenLocks.Held held = locks.lock(store)) {
            Instant consentedAt = clock.instant();
            TokenResponse response = client.get().exchangeCode(code, assertion);
            Secret refreshToken = response.refreshToken();
            store.write(new StoredTokens(
                    identity,
                    refreshToken,
                    response.accessToken(),
                    response.expiresAt(),
                    consentedAt,
                    StoredTokens.FROM_CODE_EXCHANGE,
                    Fingerprint.of(refreshToken.reveal())));
            return new ValidToken(response.accessToken(), response.expiresAt(), refreshToken, true, false);
        }
    }

    /** How long ago consent was given, if this store recorded it (from a code exchange). */
    public Optional<Duration> consentAge() {
        return consentedAt().map(at -> Duration.between(at, clock.instant()));
    }

    /** Whether the 90-day consent ends within {@code warnAhead} or has ended; false when the time is unknown. */
    public boolean reconsentDue(Duration warnAhead) {
        return reconsentDue(warnAhead, CONSENT_LIFETIME);
    }

    /** Whether a consent lasting {@code consentLifetime} ends within {@code warnAhead} or has ended. */
    public boolean reconsentDue(Duration warnAhead, Duration consentLifetime) {
        return consentedAt()
                .map(at -> !clock.instant().plus(warnAhead).isBefore(at.plus(consentLifetime)))
                .orElse(false);
    }

    /**
     * Deletes the store, for example after {@link TokenStoreException#isUnreadable()}; the next {@link #get}
     * refreshes with the configured refresh token and writes a new one.
     */
    public void discardStore() {
        try (TokenLocks.Held held = locks.lock(store)) {
            store.discard();
        }
    }

    public TokenStore store() {
        return store;
    }

    private Optional<Instant> consentedAt() {
        return Optional.ofNullable(readOwn()).map(StoredTokens::consentedAt);
    }

    /** The stored tokens if they belong to this client, environment and API URL; otherwise null. */
    private StoredTokens readOwn() {
        return store.read().filter(tokens -> tokens.identity().equals(identity)).orElse(null);
    }

    private ValidToken refresh(Lineage lineage) {
        TokenResponse response = client.get().refresh(lineage.refreshToken, assertions);
        Secret rotated = response.refreshToken();
        boolean rotation = rotated != null && !rotated.equals(lineage.refreshToken);
        Secret refreshToken = rotation ? rotated : lineage.refreshToken;
        StoredTokens updated = new StoredTokens(
                identity,
                refreshToken,
                response.accessToken(),
                response.expiresAt(),
                lineage.consentedAt,
                rotation ? StoredTokens.FROM_ROTATION : lineage.source,
                lineage.origin);
        try {
            store.write(updated);
        } catch (TokenStoreException e) {
            // Known gap: a rotated refresh token that cannot be stored is lost, as it is never shown anywhere.
            throw rotation
                    ? new TokenStoreException(
                            e.file(),
                            false,
                            e.getMessage() + " Revolut had just replaced"
                                    + " the refresh token, so the new one is lost and the old one may no"
                                    + " longer work: fix the"
                                    + " problem, then give consent again.",
                            e)
                    : e;
        }
        return new ValidToken(response.accessToken(), response.expiresAt(), refreshToken, true, rotation);
    }

    private Lineage lineage(StoredTokens stored) {
        if (configuredRefreshToken == null) {
            if (stored == null) {
                throw new NoRefreshTokenException("No refresh token for client " + identity.clientId() + " in "
                        + identity.environment().id() + ": none is configured and the token cache "
                        + store.file() + " has none. Give consent and exchange the code (mvn revolut:token with"
                        + " the code) to get one.");
            }
            return Lineage.of(stored);
        }
        String configuredFingerprint = Fingerprint.of(configuredRefreshToken.reveal());
        if (stored != null
                && (stored.refreshToken().equals(configuredRefreshToken)
                        || configuredFingerprint.equals(stored.refreshTokenOrigin()))) {
            return Lineage.of(stored);
        }
        return new Lineage(configuredRefreshToken, false, null, StoredTokens.FROM_CONFIGURATION, configuredFingerprint);
    }

    /** The refresh token to use and where it came from. */
    private record Lineage(Secret refreshToken, boolean fromStore, Instant consentedAt, String source, String origin) {
        static Lineage of(StoredTokens stored) {
            String origin = stored.refreshTokenOrigin() != null
                    ? stored.refreshTokenOrigin()
                    : Fingerprint.of(stored.refreshToken().reveal());
            return new Lineage(stored.refreshToken(), true, stored.consentedAt(), stored.refreshTokenSource(), origin);
        }
    }

    @Override
    public String toString() {
        return "AccessTokens[" + identity.clientId() + ", "
                + identity.environment().id() + ", " + store.file() + "]";
    }
}
