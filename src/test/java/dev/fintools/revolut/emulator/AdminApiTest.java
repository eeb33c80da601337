package dev.fintools.revolut.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AdminApiTest {
    private static final String ACCOUNTS = "/api/1.0/accounts";

    private final EmulatorFixture fixture = new EmulatorFixture();

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void advancesTheClock() {
        HttpResponse<String> response = fixture.admin("POST", "/admin/clock/advance", "{\"seconds\":121}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(fixture.read(response).get("now").asText()).isEqualTo("2024-06-03T15:02:01Z");
        assertThat(fixture.emulator.now()).isEqualTo(Instant.parse("2024-06-03T15:02:01Z"));
    }

    @Test
    void expiresACodeWhenTheClockIsAdvancedOverHttp() {
        String code = fixture.code();
        fixture.admin("POST", "/admin/clock/advance", "{\"seconds\":121}");

        HttpResponse<String> response = fixture.exchange(code, fixture.assertion());

        assertThat(fixture.read(response).get("error").asText()).isEqualTo("unauthorized_client");
    }

    @Test
    void playsAQueuedRateLimitWithRetryAfterAndBody() {
        String accessToken = fixture.tokens().get("access_token").asText();
        fixture.admin(
                "POST",
                "/admin/faults",
                "{\"path\":\"" + ACCOUNTS + "\",\"status\":429,\"retryAfter\":\"7\","
                        + "\"body\":\"{\\\"code\\\":429,\\\"message\\\":\\\"Too many requests\\\"}\",\"times\":2}");

        HttpResponse<String> first = fixture.accounts(accessToken);
        HttpResponse<String> second = fixture.accounts(accessToken);
        HttpResponse<String> third = fixture.accounts(accessToken);

        assertThat(first.statusCode()).isEqualTo(429);
        assertThat(first.headers().firstValue("Retry-After")).hasValue("7");
        assertThat(first.body()).isEqualTo("{\"code\":429,\"message\":\"Too many requests\"}");
        assertThat(second.statusCode()).isEqualTo(429);
        assertThat(third.statusCode()).isEqualTo(200);
    }

    @Test
    void playsAServerErrorOnTheTokenEndpoint() {
        fixture.emulator.fault("/api/1.0/auth/token", Fault.status(503));

        HttpResponse<String> response = fixture.exchange(fixture.code(), fixture.assertion());

        assertThat(response.statusCode()).isEqualTo(503);
    }

    @Test
    void dropsTheConnectionWithoutAResponse() throws IOException {
        String accessToken = fixture.tokens().get("access_token").asText();
        fixture.admin("POST", "/admin/faults", "{\"path\":\"" + ACCOUNTS + "\",\"dropConnection\":true}");

        // A raw socket: HTTP clients retry a GET whose connection closes without an answer, hiding the drop.
        byte[] answer;
        try (Socket socket = new Socket(
                fixture.emulator.url().getHost(), fixture.emulator.url().getPort())) {
            socket.getOutputStream()
                    .write(("GET " + ACCOUNTS
                                    + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nAuthorization: Bearer "
                                    + accessToken + "\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            answer = socket.getInputStream().readAllBytes();
        }

        assertThat(answer).isEmpty();
        assertThat(fixture.accounts(accessToken).statusCode()).isEqualTo(200);
    }

    @Test
    void delaysTheAnswer() {
        String accessToken = fixture.tokens().get("access_token").asText();
        fixture.emulator.fault(ACCOUNTS, Fault.delay(Duration.ofMillis(300)));
        long started = System.nanoTime();

        HttpResponse<String> response = fixture.accounts(accessToken);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void refusesAFaultForAPathItDoesNotServe() {
        HttpResponse<String> response =
                fixture.admin("POST", "/admin/faults", "{\"path\":\"/api/1.0/transactions\",\"status\":500}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(fixture.read(response).get("message").asText()).startsWith("Faults apply to");
    }

    @Test
    void countsRequestsPerEndpointAndGrantType() {
        JsonNode tokens = fixture.tokens();
        fixture.refresh(tokens.get("refresh_token").asText(), fixture.assertion());
        fixture.refresh(tokens.get("refresh_token").asText(), fixture.assertion());
        fixture.accounts("oa_sand_unknown");

        HttpResponse<String> response = fixture.admin("GET", "/admin/counts", null);

        assertThat(response.body())
                .isEqualTo("{\"token\":{\"authorization_code\":1,\"refresh_token\":2},\"accounts\":1,\"consent\":1}");
    }

    @Test
    void revokesAClientsTokensSoRefreshingFails() {
        String refreshToken = fixture.tokens().get("refresh_token").asText();

        HttpResponse<String> revoked = fixture.admin("POST", "/admin/clients/" + fixture.clientId + "/revoke", null);
        HttpResponse<String> refreshed = fixture.refresh(refreshToken, fixture.assertion());

        assertThat(fixture.read(revoked).get("revokedRefreshTokens").asInt()).isEqualTo(1);
        assertThat(fixture.read(refreshed).get("error").asText()).isEqualTo("invalid_grant");
    }

    @Test
    void replacesTheAccountsFixture() {
        HttpResponse<String> response = fixture.admin("PUT", "/admin/accounts", "[]");

        assertThat(fixture.read(response).get("accounts").asInt()).isEqualTo(0);
        assertThat(fixture.accounts(fixture.tokens().get("access_token").asText())
                        .body())
                .isEqualTo("[]");
    }

    @Test
    void resetForgetsTokensCountsClockAndUploadedClients() {
        String accessToken = fixture.tokens().get("access_token").asText();
        fixture.emulator.advanceClock(Duration.ofSeconds(10));

        HttpResponse<String> response = fixture.admin("POST", "/admin/reset", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(fixture.accounts(accessToken).statusCode()).isEqualTo(401);
        assertThat(fixture.emulator.now()).isEqualTo(EmulatorFixture.START);
        assertThat(fixture.emulator.clientIds()).isEmpty();
        assertThat(fixture.emulator.counts()).containsEntry("consent", 0L);
    }

    @Test
    void keepsConfiguredClientsOnReset() {
        try (RevolutEmulator seeded = RevolutEmulator.start(EmulatorConfig.builder()
                .client("from-settings", TestKeys.CERTIFICATE, "https://example.com")
                .build())) {
            seeded.reset();

            assertThat(seeded.clientIds()).containsExactly("from-settings");
        }
    }

    @Test
    void listsClientsWithoutTheirCertificates() {
        HttpResponse<String> response = fixture.admin("GET", "/admin/clients", null);

        assertThat(fixture.read(response))
                .containsExactly(fixture.json.valueToTree(
                        Map.of("clientId", fixture.clientId, "redirectUri", "https://example.com")));
    }

    @Test
    void neverAnswersWithATokenOrACode() {
        fixture.tokens();
        StringBuilder answers = new StringBuilder();
        for (String path : new String[] {"/admin/counts", "/admin/clients", "/admin/clock"}) {
            answers.append(fixture.admin("GET", path, null).body());
        }
        answers.append(fixture.admin("POST", "/admin/clients/" + fixture.clientId + "/revoke", null)
                .body());

        assertThat(answers.toString()).doesNotContain("oa_sand_");
    }

    @Test
    void answersAnUnknownAdminPathWith404() {
        HttpResponse<String> response = fixture.admin("GET", "/admin/tokens", null);

        assertThat(response.statusCode()).isEqualTo(404);
    }
}
