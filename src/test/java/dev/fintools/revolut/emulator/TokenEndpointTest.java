package dev.fintools.revolut.emulator;

import static dev.fintools.revolut.emulator.EmulatorFixture.ASSERTION_TYPE;
import static dev.fintools.revolut.emulator.EmulatorFixture.START;
import static dev.fintools.revolut.emulator.EmulatorFixture.assertion;
import static dev.fintools.revolut.emulator.EmulatorFixture.assertionWithPayload;
import static dev.fintools.revolut.emulator.EmulatorFixture.form;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fintools.revolut.config.Environment;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TokenEndpointTest {
    private final EmulatorFixture fixture = new EmulatorFixture();

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void exchangesACodeForAnAccessTokenAndARefreshToken() {
        HttpResponse<String> response = fixture.exchange(fixture.code(), fixture.assertion());

        JsonNode body = fixture.read(response);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(body.get("access_token").asText()).matches("oa_sand_[A-Za-z0-9_-]{43}");
        assertThat(body.get("token_type").asText()).isEqualTo("bearer");
        assertThat(body.get("expires_in").isInt()).isTrue();
        assertThat(body.get("expires_in").asInt()).isEqualTo(2399);
        assertThat(body.get("refresh_token").asText()).matches("oa_sand_[A-Za-z0-9_-]{43}");
    }

    @Test
    void refreshingAnswersANewAccessTokenWithoutARefreshToken() {
        JsonNode tokens = fixture.tokens();

        HttpResponse<String> response =
                fixture.refresh(tokens.get("refresh_token").asText(), fixture.assertion());

        JsonNode body = fixture.read(response);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(body.get("access_token").asText())
                .startsWith("oa_sand_")
                .isNotEqualTo(tokens.get("access_token").asText());
        assertThat(body.has("refresh_token")).isFalse();
        assertThat(body.get("expires_in").asInt()).isEqualTo(2399);
    }

    @Test
    void refusesAnIssuerWithTheScheme() {
        String assertion = assertion("https://example.com", fixture.clientId, START.plusSeconds(60), key());

        HttpResponse<String> response = fixture.exchange(fixture.code(), assertion);

        assertOAuthError(response, 401, "invalid_client");
        assertThat(description(response))
                .startsWith("The client assertion's iss 'https://example.com' does not"
                        + " match the redirect URI's host 'example.com'.");
    }

    @Test
    void refusesAnExpiryWrittenAsAString() {
        String assertion = assertionWithPayload("{\"iss\":\"example.com\",\"sub\":\"" + fixture.clientId
                + "\",\"aud\":\"https://revolut.com\",\"exp\":\""
                + START.plusSeconds(3600).getEpochSecond() + "\"}");

        HttpResponse<String> response = fixture.exchange(fixture.code(), assertion);

        assertOAuthError(response, 400, "invalid_request");
        assertThat(description(response)).startsWith("The client assertion's exp claim must be a number");
    }

    @Test
    void refusesAnAssertionWithoutExpiry() {
        String assertion = assertionWithPayload(
                "{\"iss\":\"example.com\",\"sub\":\"" + fixture.clientId + "\",\"aud\":\"https://revolut.com\"}");

        HttpResponse<String> response = fixture.exchange(fixture.code(), assertion);

        assertOAuthError(response, 400, "invalid_request");
        assertThat(description(response)).startsWith("The client assertion has no exp claim");
    }

    @Test
    void refusesAnExpiredAssertionWithRevolutsExactMessage() {
        String assertion =
                assertion("example.com", fixture.clientId, java.time.Instant.parse("2024-06-03T15:55:21Z"), key());
        fixture.emulator.advanceClock(Duration.ofHours(1));

        HttpResponse<String> response = fixture.exchange(fixture.code(), assertion);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body())
                .isEqualTo("{\"error\":\"invalid_request\","
                        + "\"error_description\":\"The Token has expired on Mon Jun 03 15:55:21 UTC 2024.\"}");
    }

    @Test
    void refusesAnAssertionSignedByAnotherKey() {
        String assertion =
                assertion("example.com", fixture.clientId, START.plusSeconds(60), TestKeys.OTHER_RSA.getPrivate());

        HttpResponse<String> response = fixture.exchange(fixture.code(), assertion);

        assertOAuthError(response, 401, "invalid_client");
        assertThat(description(response)).startsWith("The client assertion's signature does not match");
    }

    @Test
    void refusesAnUnknownClientIdAsUnauthorizedClient() {
        String assertion = assertion("example.com", "not-registered", START.plusSeconds(60), key());

        HttpResponse<String> response = fixture.exchange(fixture.code(), assertion);

        assertOAuthError(response, 400, "unauthorized_client");
        assertThat(description(response)).contains("sub 'not-registered' is not a registered client ID");
    }

    @Test
    void refusesAWrongAudience() {
        String assertion = assertionWithPayload(
                "{\"iss\":\"example.com\",\"sub\":\"" + fixture.clientId + "\",\"aud\":\"https://example.com\",\"exp\":"
                        + START.plusSeconds(60).getEpochSecond() + "}");

        HttpResponse<String> response = fixture.exchange(fixture.code(), assertion);

        assertOAuthError(response, 401, "invalid_client");
        assertThat(description(response)).isEqualTo("The client assertion's aud must be https://revolut.com.");
    }

    @Test
    void refusesAJsonRequestBody() {
        HttpRequest request = HttpRequest.newBuilder(URI.create(fixture.emulator.apiUrl() + "/auth/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"grant_type\":\"authorization_code\"}"))
                .build();

        HttpResponse<String> response = fixture.send(request);

        assertOAuthError(response, 400, "invalid_request");
        assertThat(description(response))
                .isEqualTo("The token request must be sent as application/x-www-form-urlencoded; got Content-Type"
                        + " 'application/json'.");
    }

    @Test
    void refusesAnUnknownGrantType() {
        HttpResponse<String> response = fixture.token(form(
                "grant_type",
                "client_credentials",
                "client_assertion_type",
                ASSERTION_TYPE,
                "client_assertion",
                fixture.assertion()));

        assertOAuthError(response, 400, "unsupported_grant_type");
    }

    @Test
    void refusesAnotherAssertionType() {
        HttpResponse<String> response = fixture.token(form(
                "grant_type",
                "authorization_code",
                "code",
                fixture.code(),
                "client_assertion_type",
                "jwt-bearer",
                "client_assertion",
                fixture.assertion()));

        assertOAuthError(response, 400, "invalid_request");
        assertThat(description(response)).startsWith("client_assertion_type must be " + ASSERTION_TYPE);
    }

    @Test
    void refusesACodeUsedTwice() {
        String code = fixture.code();
        fixture.exchange(code, fixture.assertion());

        HttpResponse<String> response = fixture.exchange(code, fixture.assertion());

        assertOAuthError(response, 400, "unauthorized_client");
        assertThat(description(response)).startsWith("The authorization code has already been used");
    }

    @Test
    void refusesACode121SecondsOld() {
        String code = fixture.code();
        fixture.emulator.advanceClock(Duration.ofSeconds(121));

        HttpResponse<String> response = fixture.exchange(code, fixture.assertion());

        assertOAuthError(response, 400, "unauthorized_client");
        assertThat(description(response)).startsWith("The authorization code has expired");
    }

    @Test
    void acceptsACode120SecondsOld() {
        String code = fixture.code();
        fixture.emulator.advanceClock(Duration.ofSeconds(120));

        HttpResponse<String> response = fixture.exchange(code, fixture.assertion());

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void refusesARevokedRefreshTokenAsInvalidGrant() {
        String refreshToken = fixture.tokens().get("refresh_token").asText();
        fixture.emulator.revoke(fixture.clientId);

        HttpResponse<String> response = fixture.refresh(refreshToken, fixture.assertion());

        assertOAuthError(response, 400, "invalid_grant");
        assertThat(description(response)).startsWith("The refresh token has been revoked");
    }

    @Test
    void refusesAnUnknownRefreshToken() {
        HttpResponse<String> response = fixture.refresh("oa_sand_unknown", fixture.assertion());

        assertOAuthError(response, 400, "invalid_grant");
    }

    @Test
    void issuesProductionPrefixedTokensWhenConfiguredForProduction() {
        try (EmulatorFixture production =
                new EmulatorFixture(EmulatorConfig.builder().environment(Environment.PRODUCTION))) {
            JsonNode tokens = production.tokens();

            assertThat(tokens.get("access_token").asText()).startsWith("oa_prod_");
            assertThat(tokens.get("refresh_token").asText()).startsWith("oa_prod_");
        }
    }

    @Test
    void neverLogsATokenACodeOrAnAssertion() {
        String code = fixture.code();
        String assertion = fixture.assertion();
        JsonNode tokens = fixture.read(fixture.exchange(code, assertion));
        String refreshed = fixture.read(
                        fixture.refresh(tokens.get("refresh_token").asText(), assertion))
                .get("access_token")
                .asText();
        fixture.accounts(refreshed);
        fixture.exchange(code, assertion);

        assertThat(fixture.logText())
                .contains("POST /api/1.0/auth/token 200")
                .doesNotContain(code, assertion, refreshed)
                .doesNotContain(
                        tokens.get("access_token").asText(),
                        tokens.get("refresh_token").asText())
                .doesNotContain("oa_sand_");
    }

    @Test
    void masksACodeSentAsTheAssertionsSubject() {
        String code = fixture.code();
        String assertion = assertion("example.com", code, START.plusSeconds(60), key());

        HttpResponse<String> response = fixture.exchange(code, assertion);

        assertOAuthError(response, 400, "unauthorized_client");
        assertThat(description(response)).startsWith("The client assertion's sub 'oa_sand_…");
        assertThat(response.body() + fixture.logText()).doesNotContain(code);
    }

    private static java.security.PrivateKey key() {
        return TestKeys.RSA.getPrivate();
    }

    private void assertOAuthError(HttpResponse<String> response, int status, String error) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(fixture.read(response).get("error").asText()).isEqualTo(error);
    }

    private String description(HttpResponse<String> response) {
        return fixture.read(response).get("error_description").asText();
    }
}
