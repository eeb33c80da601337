package dev.fintools.revolut.mojo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fintools.revolut.config.Environment;
import dev.fintools.revolut.emulator.Fault;
import dev.fintools.revolut.secrets.Secret;
import dev.fintools.revolut.tokencache.TokenStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenMojoTest {
    private static final String CONSENT_URL_START =
            "/app-confirm?client_id=" + GoalFixture.CLIENT_ID + "&redirect_uri=https%3A%2F%2Fexample.com";

    @TempDir
    Path directory;

    private GoalFixture fixture;

    @BeforeEach
    void startEmulator() throws Exception {
        fixture = new GoalFixture(directory);
    }

    @AfterEach
    void stopEmulator() {
        fixture.close();
    }

    @Test
    void exchangesTheCodeOfARedirectUrlPastedFromTheBrowser() throws Exception {
        Secret code = fixture.consent();
        fixture.userProperties.setProperty("revolut.code", "https://example.com?code=" + code.reveal() + "&state=s1");

        fixture.token().execute();

        assertThat(fixture.tokenRequests()).containsEntry("authorization_code", 1L);
        assertThat(fixture.project.getProperties().getProperty("revolut.accessToken"))
                .startsWith("oa_sand_");
        assertThat(fixture.log.text()).contains("Exchanged the authorization code");
    }

    @Test
    void refusesARedirectUrlWhoseStateIsNotTheOneTheConsentStartedWith() {
        Secret code = fixture.consent();
        fixture.userProperties.setProperty("revolut.state", "state-of-my-consent");
        fixture.userProperties.setProperty(
                "revolut.code", "https://example.com?code=" + code.reveal() + "&state=other");

        MojoFailureException e = assertThrows(MojoFailureException.class, fixture.token()::execute);

        assertThat(e)
                .hasMessageStartingWith("The redirect URL's state 'other' is not the revolut.state"
                        + " 'state-of-my-consent' this consent was started with")
                .hasMessageNotContaining(code.reveal());
        assertThat(fixture.tokenRequests()).isEmpty();
    }

    @Test
    void exchangesABareCodeAndExportsTheTokenItsExpiryTheApiUrlAndAnOwnerOnlyTokenFile() throws Exception {
        fixture.userProperties.setProperty("revolut.code", fixture.consent().reveal());

        fixture.token().execute();

        Properties exported = fixture.project.getProperties();
        String token = exported.getProperty("revolut.accessToken");
        Path file = Path.of(exported.getProperty("revolut.tokenFile"));
        assertThat(Files.readString(file).trim()).isEqualTo(token);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(exported.getProperty("revolut.accessToken.expiresAt")).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(exported.getProperty("revolut.apiUrl")).isEqualTo(fixture.emulator.apiUrl() + "");
    }

    @Test
    void logsNeitherTheCodeNorTheTokensEvenAtDebugLevel() throws Exception {
        Secret code = fixture.consent();
        fixture.userProperties.setProperty("revolut.code", code.reveal());

        fixture.token().execute();

        JsonNode stored = new ObjectMapper().readTree(storeFile().toFile());
        assertThat(fixture.log.text())
                .contains("[DEBUG]")
                .doesNotContain(code.reveal())
                .doesNotContain(stored.get("accessToken").asText())
                .doesNotContain(stored.get("refreshToken").asText());
    }

    @Test
    void reusesTheStoredAccessTokenWithoutARequestWhileItHasMinValidityLeft() throws Exception {
        fixture.exchangeOnce();

        fixture.token().execute();

        assertThat(fixture.tokenRequests()).containsExactly(Map.entry("authorization_code", 1L));
        assertThat(fixture.log.text()).contains("reused the stored token, no request");
    }

    @Test
    void refreshesWhenTheStoredAccessTokenHasLessThanMinValidityLeft() throws Exception {
        fixture.exchangeOnce();
        TokenMojo mojo = fixture.token();
        mojo.clock = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(31));

        mojo.execute();

        assertThat(fixture.tokenRequests()).containsEntry("refresh_token", 1L);
        assertThat(fixture.log.text()).contains("(sandbox): refreshed, valid until");
    }

    @Test
    void refusesAMinValidityThatNoAccessTokenCouldHave() {
        TokenMojo mojo = fixture.token();
        mojo.minValidity = "40m";

        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);

        assertThat(e)
                .hasMessageStartingWith(
                        "revolut.minValidity '40m' is not shorter than the 40 minutes an access token lives");
        assertThat(fixture.tokenRequests()).isEmpty();
    }

    @Test
    void refusesACodeOfTheOtherEnvironmentBeforeSendingAnything() {
        fixture.userProperties.setProperty("revolut.code", "oa_prod_vYpJr1hfUgIhV2q2jdPr8ykVfEBvz1v6FkGZ9EsWjqQ");

        MojoFailureException e = assertThrows(MojoFailureException.class, fixture.token()::execute);

        assertThat(e)
                .hasMessageStartingWith("The authorization code oa_prod_")
                .hasMessageContaining("is a production code (oa_prod_...) but revolut.environment is sandbox")
                .hasMessageNotContaining("vYpJr1hfUgIhV2q2jdPr8ykVfEBvz1v6FkGZ9EsWjqQ");
        assertThat(fixture.tokenRequests()).isEmpty();
    }

    @Test
    void saysCodesLiveTwoMinutesAndGivesTheConsentUrlWhenAnExpiredCodeIsRefused() {
        Secret code = fixture.consent();
        fixture.emulator.advanceClock(Duration.ofSeconds(121));
        fixture.userProperties.setProperty("revolut.code", code.reveal());

        MojoFailureException e = assertThrows(MojoFailureException.class, fixture.token()::execute);

        assertThat(e)
                .hasMessageContaining("Authorization codes live two minutes and work once: give consent again at "
                        + fixture.emulator.webAppUrl() + CONSENT_URL_START)
                .hasMessageNotContaining(code.reveal());
    }

    @Test
    void saysCodesWorkOnceWhenACodeIsExchangedInASecondBuild() throws Exception {
        Secret code = fixture.consent();
        fixture.userProperties.setProperty("revolut.code", code.reveal());
        fixture.token().execute();
        fixture.nextBuild();

        MojoFailureException e = assertThrows(MojoFailureException.class, fixture.token()::execute);

        assertThat(e).hasMessageContaining("Authorization codes live two minutes and work once");
        assertThat(fixture.tokenRequests()).containsEntry("authorization_code", 2L);
    }

    @Test
    void exchangesACodeOnceInABuildThatRunsTheGoalTwice() throws Exception {
        fixture.userProperties.setProperty("revolut.code", fixture.consent().reveal());
        fixture.token().execute();

        fixture.token().execute();

        assertThat(fixture.tokenRequests()).containsExactly(Map.entry("authorization_code", 1L));
    }

    @Test
    void asksForConsentAgainWithTheConsentUrlWhenTheRefreshTokenIsRefused() throws Exception {
        fixture.exchangeOnce();
        fixture.emulator.revoke(GoalFixture.CLIENT_ID);
        TokenMojo mojo = fixture.token();
        mojo.forceRefresh = true;

        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);

        assertThat(e)
                .hasMessageContaining(
                        "Consent is needed again: open " + fixture.emulator.webAppUrl() + CONSENT_URL_START)
                .hasMessageContaining(
                        "put the redirect URL in the environment variable REVOLUT_CODE and run 'mvn revolut:token'");
    }

    @Test
    void quotesAnHtmlAnswerOfTheTokenEndpointWithItsStatus() throws Exception {
        fixture.exchangeOnce();
        fixture.emulator.fault(
                "/api/1.0/auth/token",
                Fault.status(502).withBody("<html>Bad gateway</html>").times(2));
        TokenMojo mojo = fixture.token();
        mojo.forceRefresh = true;

        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);

        assertThat(e).hasMessageContaining("answered HTTP 502 with an HTML page: \"<html>Bad gateway</html>\"");
    }

    @Test
    void setsTheTokenPropertyToAnEmptyValueWhenSkipped() throws Exception {
        TokenMojo mojo = fixture.token();
        mojo.skip = true;

        mojo.execute();

        assertThat(fixture.project.getProperties())
                .containsEntry("revolut.accessToken", "")
                .containsEntry("revolut.tokenFile", "");
        assertThat(fixture.tokenRequests()).isEmpty();
    }

    private Path storeFile() {
        return TokenStore.inFolder(fixture.home.resolve("sandbox"), Environment.SANDBOX, GoalFixture.CLIENT_ID)
                .file();
    }
}
