package dev.fintools.revolut.emulator;

import static dev.fintools.revolut.emulator.EmulatorFixture.REDIRECT_URI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConsentTest {
    private final EmulatorFixture fixture = new EmulatorFixture();

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void redirectsToTheRegisteredUriWithACode() {
        HttpResponse<String> response = fixture.consent(
                "client_id=" + fixture.clientId + "&redirect_uri=" + REDIRECT_URI + "&response_type=code");

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElseThrow())
                .matches("https://example\\.com\\?code=oa_sand_[A-Za-z0-9_-]{43}");
    }

    @Test
    void returnsTheStateNextToTheCode() {
        HttpResponse<String> response = fixture.consent("client_id=" + fixture.clientId + "&redirect_uri="
                + REDIRECT_URI + "&response_type=code&scope=READ,WRITE&state=abc%20123");

        assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("&state=abc+123");
    }

    @Test
    void refusesARedirectUriThatDiffersFromTheRegisteredOne() {
        HttpResponse<String> response = fixture.consent(
                "client_id=" + fixture.clientId + "&redirect_uri=https://example.com/&response_type=code");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(fixture.read(response).get("message").asText())
                .isEqualTo("redirect_uri 'https://example.com/' does not match the one registered for client "
                        + fixture.clientId + ": 'https://example.com'. It must match exactly.");
    }

    @Test
    void refusesAnUnknownClient() {
        HttpResponse<String> response =
                fixture.consent("client_id=nobody&redirect_uri=" + REDIRECT_URI + "&response_type=code");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(fixture.read(response).get("message").asText()).startsWith("Unknown client_id 'nobody'");
    }

    @Test
    void refusesAMissingResponseType() {
        HttpResponse<String> response =
                fixture.consent("client_id=" + fixture.clientId + "&redirect_uri=" + REDIRECT_URI);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(fixture.read(response).get("message").asText())
                .isEqualTo("response_type must be 'code'; got '(missing)'.");
    }

    @Test
    void refusesAResponseTypeOtherThanCode() {
        HttpResponse<String> response = fixture.consent(
                "client_id=" + fixture.clientId + "&redirect_uri=" + REDIRECT_URI + "&response_type=token");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(fixture.read(response).get("message").asText())
                .isEqualTo("response_type must be 'code'; got 'token'.");
    }

    @Test
    void refusesAnUnknownScope() {
        HttpResponse<String> response = fixture.consent("client_id=" + fixture.clientId + "&redirect_uri="
                + REDIRECT_URI + "&response_type=code&scope=READ,ADMIN");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(fixture.read(response).get("message").asText()).startsWith("Unknown scope 'ADMIN'");
    }

    @Test
    void approvesConsentFromJavaWithAMaskedCode() {
        var code = fixture.emulator.approveConsent(fixture.clientId, REDIRECT_URI, null);

        assertThat(code.reveal()).startsWith("oa_sand_");
        assertThat(code.toString()).doesNotContain(code.reveal().substring(8, 40));
    }

    @Test
    void refusesJavaConsentForAnotherRedirectUri() {
        assertThatThrownBy(() -> fixture.emulator.approveConsent(fixture.clientId, "https://other.example", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("redirect_uri 'https://other.example' does not match");
    }
}
