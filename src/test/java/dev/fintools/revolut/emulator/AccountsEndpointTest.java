package dev.fintools.revolut.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AccountsEndpointTest {
    private static final String UNAUTHORIZED = "{\"message\":\"The request should be authorized.\"}";

    private final EmulatorFixture fixture = new EmulatorFixture();

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void listsTheGuidesTwoAccountsByDefault() {
        HttpResponse<String> response = fixture.accounts(accessToken());

        JsonNode accounts = fixture.read(response);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(accounts).hasSize(2);
        assertThat(accounts.get(0).get("id").asText()).isEqualTo("2a0d4d03-e26c-4159-9de1-c6bf3adfd8a1");
        assertThat(accounts.get(0).get("balance").asDouble()).isEqualTo(100.0);
        assertThat(accounts.get(1).get("currency").asText()).isEqualTo("EUR");
        assertThat(accounts.get(1).get("public").asBoolean()).isFalse();
    }

    @Test
    void listsTheAccountsOfASuppliedFixture() {
        fixture.emulator.accounts("[{\"id\":\"7f0c1b4e-0000-4000-8000-000000000001\",\"balance\":5.5,"
                + "\"currency\":\"USD\",\"state\":\"inactive\",\"public\":true,"
                + "\"created_at\":\"2024-01-01T00:00:00Z\",\"updated_at\":\"2024-01-02T00:00:00Z\"}]");

        JsonNode accounts = fixture.read(fixture.accounts(accessToken()));

        assertThat(accounts).hasSize(1);
        assertThat(accounts.get(0).get("currency").asText()).isEqualTo("USD");
        assertThat(accounts.get(0).get("state").asText()).isEqualTo("inactive");
    }

    @Test
    void refusesAFixtureAccountWithoutCurrency() {
        assertThatThrownBy(() -> fixture.emulator.accounts("[{\"id\":\"a\",\"balance\":1,\"state\":\"active\","
                        + "\"public\":false,\"created_at\":\"x\",\"updated_at\":\"y\"}]"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Account 0 of the accounts fixture has no 'currency'");
    }

    @Test
    void refusesAnUnknownTokenWithRevolutsMessage() {
        HttpResponse<String> response = fixture.accounts("oa_sand_madeup");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEqualTo(UNAUTHORIZED);
    }

    @Test
    void refusesARequestWithoutAuthorization() {
        HttpResponse<String> response = fixture.send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(fixture.emulator.apiUrl() + "/accounts"))
                        .GET()
                        .build());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEqualTo(UNAUTHORIZED);
    }

    @Test
    void refusesAnAccessToken2401SecondsOld() {
        String accessToken = accessToken();
        fixture.emulator.advanceClock(Duration.ofSeconds(2401));

        HttpResponse<String> response = fixture.accounts(accessToken);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEqualTo(UNAUTHORIZED);
    }

    @Test
    void acceptsAnAccessToken2400SecondsOld() {
        String accessToken = accessToken();
        fixture.emulator.advanceClock(Duration.ofSeconds(2400));

        HttpResponse<String> response = fixture.accounts(accessToken);

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void refreshingInvalidatesThePreviousAccessToken() {
        JsonNode tokens = fixture.tokens();
        String old = tokens.get("access_token").asText();
        String fresh = fixture.read(fixture.refresh(tokens.get("refresh_token").asText(), fixture.assertion()))
                .get("access_token")
                .asText();

        HttpResponse<String> oldResponse = fixture.accounts(old);
        HttpResponse<String> freshResponse = fixture.accounts(fresh);

        assertThat(oldResponse.statusCode()).isEqualTo(401);
        assertThat(oldResponse.body()).isEqualTo(UNAUTHORIZED);
        assertThat(freshResponse.statusCode()).isEqualTo(200);
    }

    @Test
    void refusesTheAccessTokenOfARevokedConsent() {
        String accessToken = accessToken();
        fixture.emulator.revoke(fixture.clientId);

        HttpResponse<String> response = fixture.accounts(accessToken);

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void forbidsATokenWhoseConsentLacksReadScope() {
        String location = fixture.consent("client_id=" + fixture.clientId + "&redirect_uri="
                        + EmulatorFixture.REDIRECT_URI + "&response_type=code&scope=WRITE,PAY")
                .headers()
                .firstValue("Location")
                .orElseThrow();
        String code = location.substring(location.indexOf("code=") + "code=".length());
        String accessToken = fixture.read(fixture.exchange(code, fixture.assertion()))
                .get("access_token")
                .asText();

        HttpResponse<String> response = fixture.accounts(accessToken);

        JsonNode body = fixture.read(response);
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(body.get("code").asInt()).isEqualTo(403);
        assertThat(body.get("message").asText()).contains("lacks the READ scope");
    }

    private String accessToken() {
        return fixture.tokens().get("access_token").asText();
    }
}
