package dev.fintools.revolut.oauth;

import static dev.fintools.revolut.testing.TestSecrets.ACCESS_TOKEN;
import static dev.fintools.revolut.testing.TestSecrets.ASSERTION;
import static dev.fintools.revolut.testing.TestSecrets.CODE;
import static dev.fintools.revolut.testing.TestSecrets.REFRESH_TOKEN;
import static dev.fintools.revolut.testing.TestSecrets.ROTATED_REFRESH_TOKEN;
import static dev.fintools.revolut.testing.TestSecrets.assertRevealsNoSecret;
import static dev.fintools.revolut.testing.TestSecrets.thrownBy;
import static dev.fintools.revolut.testing.TokenAnswers.json;
import static dev.fintools.revolut.testing.TokenAnswers.oauthError;
import static dev.fintools.revolut.testing.TokenAnswers.tokens;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fintools.revolut.config.ApiUrl;
import dev.fintools.revolut.http.HttpClients;
import dev.fintools.revolut.http.RateLimiter;
import dev.fintools.revolut.http.RetryPolicy;
import dev.fintools.revolut.http.RevolutApiException;
import dev.fintools.revolut.http.RevolutApiException.Kind;
import dev.fintools.revolut.secrets.Secret;
import dev.fintools.revolut.testing.FakeTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

class TokenClientTest {
    private static final String JWT_BEARER = "urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type%3Ajwt-bearer";

    @StartStop
    private final MockWebServer server = new MockWebServer();

    private final FakeTime time = new FakeTime();

    @Test
    void exchangePostsTheFormOfStep4() throws Exception {
        server.enqueue(tokens(ACCESS_TOKEN, 2399, REFRESH_TOKEN));

        client().exchangeCode(Secret.of(CODE), Secret.of(ASSERTION));

        RecordedRequest request = server.takeRequest();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/api/1.0/auth/token");
        assertThat(request.getHeaders().get("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(request.getBody().utf8())
                .isEqualTo("grant_type=authorization_code&code=" + CODE + "&client_assertion_type=" + JWT_BEARER
                        + "&client_assertion=" + ASSERTION);
    }

    @Test
    void exchangeReturnsBothTokensAndTheExpiryFromExpiresIn() {
        server.enqueue(tokens(ACCESS_TOKEN, 600, REFRESH_TOKEN));

        TokenResponse response = client().exchangeCode(Secret.of(CODE), Secret.of(ASSERTION));

        assertThat(response.accessToken().reveal()).isEqualTo(ACCESS_TOKEN);
        assertThat(response.refreshToken().reveal()).isEqualTo(REFRESH_TOKEN);
        assertThat(response.tokenType()).isEqualTo("bearer");
        assertThat(response.expiresIn()).isEqualTo(Duration.ofSeconds(600));
        assertThat(response.expiresAt()).isEqualTo(time.instant().plusSeconds(600));
        assertRevealsNoSecret(response.toString());
    }

    @Test
    void toleratesUnknownFields() {
        server.enqueue(json(
                200,
                "{\"access_token\":\"" + ACCESS_TOKEN + "\",\"token_type\":\"bearer\","
                        + "\"expires_in\":2399,\"scope\":\"READ\",\"extra\":{\"nested\":true}}"));

        TokenResponse response = client().refresh(Secret.of(REFRESH_TOKEN), () -> Secret.of(ASSERTION));

        assertThat(response.accessToken().reveal()).isEqualTo(ACCESS_TOKEN);
        assertThat(response.refreshToken()).isNull();
    }

    @Test
    void refreshPostsTheRefreshGrantWithAFreshAssertionForEachAttempt() throws Exception {
        server.enqueue(json(503, "{\"message\":\"Service unavailable\"}"));
        server.enqueue(tokens(ACCESS_TOKEN, 2399, null));
        List<String> assertions = new ArrayList<>(List.of(ASSERTION + "1", ASSERTION + "2"));
        Supplier<Secret> fresh = () -> Secret.of(assertions.remove(0));

        client().refresh(Secret.of(REFRESH_TOKEN), fresh);

        assertThat(server.takeRequest().getBody().utf8()).endsWith("&client_assertion=" + ASSERTION + "1");
        assertThat(server.takeRequest().getBody().utf8())
                .isEqualTo("grant_type=refresh_token&refresh_token=" + REFRESH_TOKEN + "&client_assertion_type="
                        + JWT_BEARER + "&client_assertion=" + ASSERTION + "2");
    }

    @Test
    void refreshReturnsARotatedRefreshToken() {
        server.enqueue(tokens(ACCESS_TOKEN, 2399, ROTATED_REFRESH_TOKEN));

        TokenResponse response = client().refresh(Secret.of(REFRESH_TOKEN), () -> Secret.of(ASSERTION));

        assertThat(response.refreshToken().reveal()).isEqualTo(ROTATED_REFRESH_TOKEN);
    }

    @Test
    void neverRetriesTheExchangeAfterADroppedConnection() {
        server.enqueue(new MockResponse.Builder()
                .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE)
                .build());
        server.enqueue(tokens(ACCESS_TOKEN, 2399, REFRESH_TOKEN));

        RevolutApiException e = thrownBy(RevolutApiException.class, this::exchange);

        assertThat(e.kind()).isEqualTo(Kind.NETWORK);
        assertThat(e)
                .hasMessageStartingWith("Exchanging the authorization code for tokens failed: the connection to"
                        + " POST " + tokenUrl() + " failed (");
        assertThat(e)
                .hasMessageEndingWith(" The request may have reached Revolut, so it was not sent again: an"
                        + " authorization code works only once, and this one may now be used up. Give consent again to get a"
                        + " new code and exchange it within 2 minutes.");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void neverRetriesTheExchangeAfterAServerError() {
        server.enqueue(json(503, "{\"message\":\"Service unavailable\"}"));
        server.enqueue(tokens(ACCESS_TOKEN, 2399, REFRESH_TOKEN));

        RevolutApiException e = thrownBy(RevolutApiException.class, this::exchange);

        assertThat(e.kind()).isEqualTo(Kind.SERVER_ERROR);
        assertThat(e).hasMessageContaining("answered HTTP 503, Revolut says \"Service unavailable\".");
        assertThat(e).hasMessageEndingWith("Give consent again to get a new code and exchange it within 2 minutes.");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void explainsAnExpiredClientAssertion() {
        server.enqueue(oauthError(400, "invalid_request", "The Token has expired on Mon Jun 03 15:55:21 UTC 2024."));

        RevolutApiException e = thrownBy(RevolutApiException.class, this::refresh);

        assertThat(e.kind()).isEqualTo(Kind.OAUTH_ERROR);
        assertThat(e.oauthError()).isEqualTo("invalid_request");
        assertThat(e.isRefreshTokenRefused()).isFalse();
        assertThat(e)
                .hasMessage("Refreshing the access token failed: POST " + tokenUrl() + " answered HTTP 400,"
                        + " Revolut says \"invalid_request: The Token has expired on Mon Jun 03 15:55:21 UTC 2024.\". The"
                        + " client assertion (JWT) has expired. The plugin signs a fresh one for every request, so this"
                        + " happens only with an assertion you supplied yourself: generate a new one with"
                        + " mvn revolut:assertion (same private key and certificate), or remove your own so the plugin"
                        + " makes one.");
    }

    @Test
    void namesTheLikelyCausesOfUnauthorizedClientOnExchange() {
        server.enqueue(oauthError(400, "unauthorized_client", "Invalid client"));

        RevolutApiException e = thrownBy(RevolutApiException.class, this::exchange);

        assertThat(e.kind()).isEqualTo(Kind.OAUTH_ERROR);
        assertThat(e)
                .hasMessage("Exchanging the authorization code for tokens failed: POST " + tokenUrl()
                        + " answered HTTP 400, Revolut says \"unauthorized_client: Invalid client\". Likely causes: the"
                        + " authorization code expired (it is valid for 2 minutes) or was already used; the client ID is"
                        + " wrong; the client assertion's iss is not the host of the redirect URI; the certificate was"
                        + " uploaded in the other environment (sandbox and production are separate). Check revolut.clientId"
                        + " and revolut.redirectUri against the certificate in the Business web app, then give consent"
                        + " again and use the new code within 2 minutes.");
    }

    @Test
    void marksInvalidGrantOnRefreshAsARefusedRefreshToken() {
        server.enqueue(oauthError(400, "invalid_grant", "Refresh token is invalid"));

        RevolutApiException e = thrownBy(RevolutApiException.class, this::refresh);

        assertThat(e.isRefreshTokenRefused()).isTrue();
        assertThat(e)
                .hasMessageContaining("Revolut says \"invalid_grant: Refresh token is invalid\". Likely causes:"
                        + " the refresh token is no longer valid (businesses on some plans must consent again every 90"
                        + " days, or the access was revoked);");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void doesNotTakeInvalidClientForARefusedRefreshToken() {
        server.enqueue(oauthError(401, "invalid_client", "Client authentication failed"));

        RevolutApiException e = thrownBy(RevolutApiException.class, this::refresh);

        assertThat(e.kind()).isEqualTo(Kind.OAUTH_ERROR);
        assertThat(e.isRefreshTokenRefused()).isFalse();
    }

    @Test
    void refusesAnAnswerWithoutAccessToken() {
        server.enqueue(json(
                200, "{\"token_type\":\"bearer\",\"expires_in\":2399,\"refresh_token\":\"" + REFRESH_TOKEN + "\"}"));

        RevolutApiException e = thrownBy(RevolutApiException.class, this::exchange);

        assertThat(e.kind()).isEqualTo(Kind.BAD_RESPONSE);
        assertThat(e)
                .hasMessage("Exchanging the authorization code for tokens failed: POST " + tokenUrl()
                        + " answered HTTP 200 but the body has no access_token (JSON of another shape, not shown because it"
                        + " may contain tokens). Check that revolut.apiUrl points at Revolut's API (such as"
                        + " https://sandbox-b2b.revolut.com/api/1.0) and not at a proxy or web page.");
    }

    @Test
    void refusesAnAnswerWithoutExpiresIn() {
        server.enqueue(json(200, "{\"access_token\":\"" + ACCESS_TOKEN + "\",\"token_type\":\"bearer\"}"));

        RevolutApiException e = thrownBy(RevolutApiException.class, this::refresh);

        assertThat(e.kind()).isEqualTo(Kind.BAD_RESPONSE);
        assertThat(e)
                .hasMessageContaining("but the body has no expires_in as a positive number of seconds (JSON of"
                        + " another shape, not shown because it may contain tokens).");
    }

    @Test
    void refusesTruncatedJsonWithoutShowingIt() {
        server.enqueue(json(200, "{\"access_token\":\"" + ACCESS_TOKEN + "\",\"expi"));

        RevolutApiException e = thrownBy(RevolutApiException.class, this::refresh);

        assertThat(e.kind()).isEqualTo(Kind.BAD_RESPONSE);
        assertThat(e)
                .hasMessageContaining("answered HTTP 200 but the body is not valid JSON (truncated or malformed"
                        + " JSON, not shown because it may contain tokens).");
    }

    @Test
    void refusesAnEmptyBody() {
        server.enqueue(json(200, ""));

        RevolutApiException e = thrownBy(RevolutApiException.class, this::refresh);

        assertThat(e)
                .hasMessageContaining("answered HTTP 200 but the body is not a JSON object (an empty body, not"
                        + " shown because it may contain tokens).");
    }

    @Test
    void refusesAnHtmlPageAnsweredWith200() {
        server.enqueue(json(200, "<!DOCTYPE html><html><body>Sign in to the proxy</body></html>"));

        RevolutApiException e = thrownBy(RevolutApiException.class, this::refresh);

        assertThat(e)
                .hasMessageContaining("answered HTTP 200 but the body is not valid JSON (an HTML page, not"
                        + " shown because it may contain tokens).");
    }

    @Test
    void quotesAnHtmlErrorPageOfTheTokenEndpoint() {
        server.enqueue(json(400, "<html><body><h1>400 Bad Request</h1></body></html>"));

        RevolutApiException e = thrownBy(RevolutApiException.class, this::refresh);

        assertThat(e.kind()).isEqualTo(Kind.REQUEST_REJECTED);
        assertThat(e)
                .hasMessageContaining("answered HTTP 400 with an HTML page: \"<html><body><h1>400 Bad"
                        + " Request</h1></body></html>\".");
    }

    @Test
    void refusesAnExchangeAnswerWithoutRefreshToken() {
        server.enqueue(tokens(ACCESS_TOKEN, 2399, null));

        RevolutApiException e = thrownBy(RevolutApiException.class, this::exchange);

        assertThat(e)
                .hasMessageContaining("but the body has no refresh_token, which a code exchange always returns;"
                        + " the code is used now, so give consent again for a new one");
    }

    private void exchange() {
        client().exchangeCode(Secret.of(CODE), Secret.of(ASSERTION));
    }

    private void refresh() {
        client().refresh(Secret.of(REFRESH_TOKEN), () -> Secret.of(ASSERTION));
    }

    private TokenClient client() {
        RetryPolicy policy = new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(4), Duration.ofSeconds(30));
        return new TokenClient(HttpClients.create(), apiUrl(), policy, RateLimiter.unlimited(), time, time);
    }

    private ApiUrl apiUrl() {
        return ApiUrl.parse(server.url("/api/1.0").toString());
    }

    private String tokenUrl() {
        return server.url("/api/1.0/auth/token").toString();
    }
}
