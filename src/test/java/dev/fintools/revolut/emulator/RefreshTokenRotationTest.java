package dev.fintools.revolut.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RefreshTokenRotationTest {
    private final EmulatorFixture fixture =
            new EmulatorFixture(EmulatorConfig.builder().rotateRefreshTokens(true));

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void answersANewRefreshTokenWithEachRefresh() {
        String first = fixture.tokens().get("refresh_token").asText();

        JsonNode body = fixture.read(fixture.refresh(first, fixture.assertion()));

        assertThat(body.get("refresh_token").asText())
                .matches("oa_sand_[A-Za-z0-9_-]{43}")
                .isNotEqualTo(first);
    }

    @Test
    void acceptsTheNewRefreshToken() {
        String first = fixture.tokens().get("refresh_token").asText();
        String second = fixture.read(fixture.refresh(first, fixture.assertion()))
                .get("refresh_token")
                .asText();

        HttpResponse<String> response = fixture.refresh(second, fixture.assertion());

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void refusesTheReplacedRefreshTokenAsInvalidGrant() {
        String first = fixture.tokens().get("refresh_token").asText();
        fixture.refresh(first, fixture.assertion());

        HttpResponse<String> response = fixture.refresh(first, fixture.assertion());

        JsonNode body = fixture.read(response);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(body.get("error").asText()).isEqualTo("invalid_grant");
        assertThat(body.get("error_description").asText())
                .startsWith("The refresh token was replaced by a newer one the last time it was used");
    }

    @Test
    void keepsTheConsentsAccessWorkingWithTheNewAccessToken() {
        String first = fixture.tokens().get("refresh_token").asText();
        String accessToken = fixture.read(fixture.refresh(first, fixture.assertion()))
                .get("access_token")
                .asText();

        HttpResponse<String> response = fixture.accounts(accessToken);

        assertThat(response.statusCode()).isEqualTo(200);
    }
}
