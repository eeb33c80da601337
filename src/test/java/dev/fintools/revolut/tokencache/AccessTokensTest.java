package dev.fintools.revolut.tokencache;

import static dev.fintools.revolut.testing.TestSecrets.ACCESS_TOKEN;
import static dev.fintools.revolut.testing.TestSecrets.ASSERTION;
import static dev.fintools.revolut.testing.TestSecrets.CODE;
import static dev.fintools.revolut.testing.TestSecrets.REFRESH_TOKEN;
import static dev.fintools.revolut.testing.TestSecrets.ROTATED_REFRESH_TOKEN;
import static dev.fintools.revolut.testing.TestSecrets.SECOND_ACCESS_TOKEN;
import static dev.fintools.revolut.testing.TestSecrets.assertRevealsNoSecret;
import static dev.fintools.revolut.testing.TestSecrets.thrownBy;
import static dev.fintools.revolut.testing.TokenAnswers.oauthError;
import static dev.fintools.revolut.testing.TokenAnswers.tokens;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fintools.revolut.config.ApiUrl;
import dev.fintools.revolut.config.Environment;
import dev.fintools.revolut.http.HttpClients;
import dev.fintools.revolut.http.RateLimiter;
import dev.fintools.revolut.http.RetryPolicy;
import dev.fintools.revolut.http.RevolutApiException;
import dev.fintools.revolut.oauth.TokenClient;
import dev.fintools.revolut.secrets.Secret;
import dev.fintools.revolut.testing.FakeTime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class AccessTokensTest {
    private static final Duration TEN_MINUTES = Duration.ofMinutes(10);

    @StartStop
    private final MockWebServer server = new MockWebServer();

    @TempDir
    private Path folder;

    private final FakeTime time = new FakeTime();
    private final OkHttpClient http = HttpClients.create();
    private final TokenLocks locks = new TokenLocks();

    @Test
    void reusesAStoredTokenThatLastsLongEnoughWithoutAnyRequest() {
        store().write(stored(REFRESH_TOKEN, null, Duration.ofMinutes(30)));

        ValidToken token = accessTokens(Secret.of(REFRESH_TOKEN)).get(TEN_MINUTES);

        assertThat(token.accessToken().reveal()).isEqualTo(ACCESS_TOKEN);
        assertThat(token.refreshed()).isFalse();
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void refreshesOnceWhenTheStoredTokenExpiresTooSoonAndStoresTheNewOne() throws Exception {
        store().write(stored(REFRESH_TOKEN, null, Duration.ofMinutes(5)));
        server.enqueue(tokens(SECOND_ACCESS_TOKEN, 2399, null));

        ValidToken token = accessTokens(Secret.of(REFRESH_TOKEN)).get(TEN_MINUTES);

        assertThat(token.accessToken().reveal()).isEqualTo(SECOND_ACCESS_TOKEN);
        assertThat(token.expiresAt()).isEqualTo(time.instant().plusSeconds(2399));
        assertThat(token.refreshed()).isTrue();
        assertThat(token.refreshTokenRotated()).isFalse();
        assertThat(store().read().orElseThrow().accessToken().reveal()).isEqualTo(SECOND_ACCESS_TOKEN);
        assertThat(server.takeRequest().getBody().utf8()).contains("refresh_token=" + REFRESH_TOKEN + "&");
    }

    @Test
    @Timeout(20)
    void severalThreadsAskingAtOnceMakeExactlyOneRefresh() throws Exception {
        server.enqueue(tokens(ACCESS_TOKEN, 2399, null));
        for (int i = 0; i < 7; i++) {
            server.enqueue(tokens(SECOND_ACCESS_TOKEN, 2399, null)); // answers for refreshes that must not happen
        }
        ExecutorService threads = Executors.newFixedThreadPool(8);
        List<Future<ValidToken>> results = new ArrayList<>();

        for (int i = 0; i < 8; i++) {
            // one AccessTokens per thread, as separate goals would have; they share the store and the locks
            AccessTokens tokens = accessTokens(Secret.of(REFRESH_TOKEN));
            results.add(threads.submit(() -> tokens.get(TEN_MINUTES)));
        }

        for (Future<ValidToken> result : results) {
            assertThat(result.get().accessToken().reveal()).isEqualTo(ACCESS_TOKEN);
        }
        threads.shutdown();
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aRotatedRefreshTokenReplacesTheStoredOne() throws Exception {
        store().write(stored(REFRESH_TOKEN, null, Duration.ZERO));
        server.enqueue(tokens(SECOND_ACCESS_TOKEN, 2399, ROTATED_REFRESH_TOKEN));

        ValidToken token = accessTokens(Secret.of(REFRESH_TOKEN)).get(TEN_MINUTES);

        assertThat(token.refreshTokenRotated()).isTrue();
        StoredTokens stored = store().read().orElseThrow();
        assertThat(stored.refreshToken().reveal()).isEqualTo(ROTATED_REFRESH_TOKEN);
        assertThat(stored.refreshTokenSource()).isEqualTo(StoredTokens.FROM_ROTATION);
    }

    @Test
    void usesTheStoredRotationOfTheConfiguredRefreshToken() throws Exception {
        store().write(stored(ROTATED_REFRESH_TOKEN, Fingerprint.of(REFRESH_TOKEN), Duration.ZERO));
        server.enqueue(tokens(SECOND_ACCESS_TOKEN, 2399, null));

        accessTokens(Secret.of(REFRESH_TOKEN)).get(TEN_MINUTES);

        assertThat(server.takeRequest().getBody().utf8()).contains("refresh_token=" + ROTATED_REFRESH_TOKEN + "&");
    }

    @Test
    void aConfiguredRefreshTokenUnknownToTheStoreWins() throws Exception {
        store().write(stored(ROTATED_REFRESH_TOKEN, Fingerprint.of("some older token"), Duration.ofMinutes(30)));
        server.enqueue(tokens(SECOND_ACCESS_TOKEN, 2399, null));

        ValidToken token = accessTokens(Secret.of(REFRESH_TOKEN)).get(TEN_MINUTES);

        assertThat(token.refreshed()).isTrue();
        assertThat(server.takeRequest().getBody().utf8()).contains("refresh_token=" + REFRESH_TOKEN + "&");
        assertThat(store().read().orElseThrow().refreshToken().reveal()).isEqualTo(REFRESH_TOKEN);
    }

    @Test
    void usesTheStoredRefreshTokenWhenNoneIsConfigured() throws Exception {
        store().write(stored(ROTATED_REFRESH_TOKEN, null, Duration.ZERO));
        server.enqueue(tokens(SECOND_ACCESS_TOKEN, 2399, null));

        accessTokens(null).get(TEN_MINUTES);

        assertThat(server.takeRequest().getBody().utf8()).contains("refresh_token=" + ROTATED_REFRESH_TOKEN + "&");
    }

    @Test
    void ignoresAStoreOfAnotherApiUrl() throws Exception {
        ClientIdentity emulator =
                new ClientIdentity("client-1", Environment.SANDBOX, ApiUrl.parse("http://localhost:1"));
        store().write(new StoredTokens(
                emulator,
                Secret.of(ROTATED_REFRESH_TOKEN),
                Secret.of(ACCESS_TOKEN),
                time.instant().plus(Duration.ofMinutes(30)),
                null,
                null,
                Fingerprint.of(REFRESH_TOKEN)));
        server.enqueue(tokens(SECOND_ACCESS_TOKEN, 2399, null));

        ValidToken token = accessTokens(Secret.of(REFRESH_TOKEN)).get(TEN_MINUTES);

        assertThat(token.accessToken().reveal()).isEqualTo(SECOND_ACCESS_TOKEN);
        assertThat(server.takeRequest().getBody().utf8()).contains("refresh_token=" + REFRESH_TOKEN + "&");
    }

    @Test
    void failsWithoutAnyRefreshToken() {
        AccessTokens tokens = accessTokens(null);

        NoRefreshTokenException e = thrownBy(NoRefreshTokenException.class, () -> tokens.get(TEN_MINUTES));

        assertThat(e)
                .hasMessage("No refresh token for client client-1 in sandbox: none is configured and the token"
                        + " cache " + store().file()
                        + " has none. Give consent and exchange the code (mvn revolut:token"
                        + " with the code) to get one.");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void passesOnARefusedRefreshTokenAndKeepsTheStore() {
        StoredTokens before = stored(REFRESH_TOKEN, null, Duration.ZERO);
        store().write(before);
        server.enqueue(oauthError(400, "invalid_grant", "Refresh token is expired"));

        RevolutApiException e = thrownBy(
                RevolutApiException.class,
                () -> accessTokens(Secret.of(REFRESH_TOKEN)).get(TEN_MINUTES));

        assertThat(e.isRefreshTokenRefused()).isTrue();
        assertThat(store().read()).contains(before);
    }

    @Test
    void reportsAnUnreadableStoreAndRecoversOnceItIsDiscarded() throws Exception {
        Files.writeString(store().file(), "<html>not a token cache</html>");
        server.enqueue(tokens(ACCESS_TOKEN, 2399, null));
        AccessTokens tokens = accessTokens(Secret.of(REFRESH_TOKEN));

        TokenStoreException e = thrownBy(TokenStoreException.class, () -> tokens.get(TEN_MINUTES));
        tokens.discardStore();
        ValidToken token = tokens.get(TEN_MINUTES);

        assertThat(e.isUnreadable()).isTrue();
        assertThat(token.accessToken().reveal()).isEqualTo(ACCESS_TOKEN);
        assertThat(store().read()).isPresent();
    }

    @Test
    void exchangeStoresBothTokensAndTheTimeOfConsent() {
        server.enqueue(tokens(ACCESS_TOKEN, 2399, REFRESH_TOKEN));
        AccessTokens tokens = accessTokens(null);

        ValidToken token = tokens.exchange(Secret.of(CODE), Secret.of(ASSERTION));

        StoredTokens stored = store().read().orElseThrow();
        assertThat(token.refreshToken().reveal()).isEqualTo(REFRESH_TOKEN);
        assertThat(stored.consentedAt()).isEqualTo(time.instant());
        assertThat(stored.refreshTokenSource()).isEqualTo(StoredTokens.FROM_CODE_EXCHANGE);
        assertThat(stored.refreshTokenOrigin()).isEqualTo(Fingerprint.of(REFRESH_TOKEN));
    }

    @Test
    void tellsWhenTheNinetyDayConsentIsDueForRenewal() {
        server.enqueue(tokens(ACCESS_TOKEN, 2399, REFRESH_TOKEN));
        AccessTokens tokens = accessTokens(null);
        tokens.exchange(Secret.of(CODE), Secret.of(ASSERTION));

        time.advance(Duration.ofDays(75));
        boolean dueAfter75Days = tokens.reconsentDue(Duration.ofDays(14));
        time.advance(Duration.ofDays(1));
        boolean dueAfter76Days = tokens.reconsentDue(Duration.ofDays(14));

        assertThat(tokens.consentAge()).contains(Duration.ofDays(76));
        assertThat(dueAfter75Days).isFalse();
        assertThat(dueAfter76Days).isTrue();
    }

    @Test
    void knowsNoConsentAgeForAConfiguredRefreshToken() {
        server.enqueue(tokens(ACCESS_TOKEN, 2399, null));
        AccessTokens tokens = accessTokens(Secret.of(REFRESH_TOKEN));

        tokens.get(TEN_MINUTES);

        assertThat(tokens.consentAge()).isEmpty();
        assertThat(tokens.reconsentDue(Duration.ofDays(14))).isFalse();
    }

    @Test
    void showsOnlyMaskedTokensInToString() {
        server.enqueue(tokens(ACCESS_TOKEN, 2399, ROTATED_REFRESH_TOKEN));

        ValidToken token = accessTokens(Secret.of(REFRESH_TOKEN)).get(TEN_MINUTES);

        assertRevealsNoSecret(token.toString());
        assertRevealsNoSecret(store().read().orElseThrow().toString());
    }

    private AccessTokens accessTokens(Secret configuredRefreshToken) {
        RetryPolicy policy = new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(4), Duration.ofSeconds(30));
        TokenClient client = new TokenClient(http, apiUrl(), policy, RateLimiter.unlimited(), time, time);
        return new AccessTokens(
                store(), locks, client, () -> Secret.of(ASSERTION), identity(), configuredRefreshToken, time);
    }

    private StoredTokens stored(String refreshToken, String origin, Duration validFor) {
        return new StoredTokens(
                identity(),
                Secret.of(refreshToken),
                Secret.of(ACCESS_TOKEN),
                time.instant().plus(validFor),
                null,
                StoredTokens.FROM_CONFIGURATION,
                origin);
    }

    private TokenStore store() {
        return TokenStore.inFolder(folder, Environment.SANDBOX, "client-1");
    }

    private ClientIdentity identity() {
        return new ClientIdentity("client-1", Environment.SANDBOX, apiUrl());
    }

    private ApiUrl apiUrl() {
        return ApiUrl.parse(server.url("/api/1.0").toString());
    }
}
