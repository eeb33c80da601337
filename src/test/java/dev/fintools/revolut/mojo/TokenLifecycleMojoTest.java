package dev.fintools.revolut.mojo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fintools.revolut.emulator.EmulatorConfig;
import dev.fintools.revolut.emulator.RevolutEmulator;
import dev.fintools.revolut.keys.GeneratedKeys;
import dev.fintools.revolut.keys.PemEncoding;
import dev.fintools.revolut.keys.TestKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.apache.maven.execution.DefaultMavenExecutionRequest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.settings.Settings;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code revolut:token} over a token's life against an in-process emulator, whose clock the goal follows: refresh-token
 * rotation, the 90-day re-consent, a revoked consent and a corrupt token store.
 */
class TokenLifecycleMojoTest {
    private static final String CLIENT_ID = "client-1";
    private static final String REDIRECT_URI = "https://example.com";

    private static GeneratedKeys keys;

    @TempDir
    Path home;

    private final DefaultRepositorySystemSession repositorySession = new DefaultRepositorySystemSession();
    private final CapturingLog log = new CapturingLog();
    private RevolutEmulator emulator;

    @BeforeAll
    static void createKeys() {
        keys = TestKeys.generated();
    }

    @AfterEach
    void stopEmulator() {
        emulator.close();
    }

    @Test
    void storesTheRotatedRefreshTokenAndWarnsThatTheConfiguredOneIsReplaced() throws Exception {
        start(EmulatorConfig.builder().rotateRefreshTokens(true));
        String configured = exchangeCode();
        TokenMojo mojo = mojo(configured);
        mojo.forceRefresh = true;

        mojo.execute();

        String stored = storedRefreshToken();
        assertThat(stored).startsWith("oa_sand_").isNotEqualTo(configured);
        assertThat(log.text())
                .contains("[WARN] Revolut replaced the refresh token. The new one is in " + storeFile()
                        + "; put it in place of the one in environment variable REVOLUT_REFRESH_TOKEN (encrypted with"
                        + " 'mvn --encrypt-password'), as the old one may stop working.")
                .doesNotContain(configured)
                .doesNotContain(stored);
    }

    @Test
    void keepsUsingTheStoredRotationWhileTheConfiguredRefreshTokenIsTheReplacedOne() throws Exception {
        start(EmulatorConfig.builder().rotateRefreshTokens(true));
        String configured = exchangeCode();
        TokenMojo first = mojo(configured);
        first.forceRefresh = true;
        first.execute();
        TokenMojo second = mojo(configured);
        second.forceRefresh = true;

        second.execute();

        assertThat(log.text()).contains("refreshed (revolut.forceRefresh)");
        assertThat(emulator.counts().get("token").toString()).contains("refresh_token=2");
    }

    @Test
    void doesNotWarnAboutRotationWhenNoRefreshTokenIsConfigured() throws Exception {
        start(EmulatorConfig.builder().rotateRefreshTokens(true));
        String exchanged = exchangeCode();
        TokenMojo mojo = mojo(null);
        mojo.forceRefresh = true;

        mojo.execute();

        assertThat(storedRefreshToken()).isNotEqualTo(exchanged);
        assertThat(log.text()).doesNotContain("[WARN]");
    }

    @Test
    void warnsWithTheConsentUrlWhenTheConsentIsEightyDaysOld() throws Exception {
        start(EmulatorConfig.builder());
        exchangeCode();
        emulator.advanceClock(Duration.ofDays(80));

        mojo(null).execute();

        assertThat(log.text())
                .contains("[WARN] Consent was given 80 days ago; businesses that must re-authorise every 90 days lose"
                        + " access at day 90. Give consent again in time: " + emulator.webAppUrl()
                        + "/app-confirm?client_id=client-1&redirect_uri=https%3A%2F%2Fexample.com&response_type=code"
                        + "&state=")
                .contains("refreshed, valid until " + emulator.now().toString().substring(0, 10)); // 80 days on
    }

    @Test
    void doesNotWarnAboutConsentSeventyFiveDaysOld() throws Exception {
        start(EmulatorConfig.builder());
        exchangeCode();
        emulator.advanceClock(Duration.ofDays(75));

        mojo(null).execute();

        assertThat(log.text()).contains("refreshed, valid until").doesNotContain("[WARN]");
    }

    @Test
    void saysConsentIsNeededAgainWithTheConsentUrlWhenTheRefreshTokenIsRevoked() throws Exception {
        start(EmulatorConfig.builder());
        exchangeCode();
        emulator.revoke(CLIENT_ID);
        emulator.advanceClock(Duration.ofMinutes(41)); // the stored access token has expired: the goal must refresh

        MojoFailureException e = assertThrows(MojoFailureException.class, mojo(null)::execute);

        assertThat(e)
                .hasMessageContaining("Revolut says \"invalid_grant: The refresh token has been revoked")
                .hasMessageContaining(" Consent is needed again: open " + emulator.webAppUrl()
                        + "/app-confirm?client_id=client-1&redirect_uri=https%3A%2F%2Fexample.com&response_type=code")
                .hasMessageEndingWith(", approve, put the redirect URL in the environment variable REVOLUT_CODE and run"
                        + " 'mvn revolut:token'.");
    }

    @Test
    void recoversFromACorruptStoreWithTheRefreshTokenFromTheEnvironment() throws Exception {
        start(EmulatorConfig.builder());
        String refreshToken = exchangeCode();
        Files.writeString(storeFile(), "{\"refreshToken\": \"oa_sand_");

        mojo(refreshToken).execute();

        assertThat(log.text())
                .contains("[WARN] The token cache " + storeFile() + " is unreadable: it is not valid JSON at line 1,")
                .contains("Starting a new token store with the refresh token from environment variable"
                        + " REVOLUT_REFRESH_TOKEN.")
                .contains("refreshed, valid until")
                .doesNotContain(refreshToken);
        assertThat(storedRefreshToken()).isEqualTo(refreshToken);
    }

    @Test
    void reportsACorruptStoreClearlyWhenNoRefreshTokenIsConfigured() throws Exception {
        start(EmulatorConfig.builder());
        exchangeCode();
        Files.writeString(storeFile(), "");

        MojoFailureException e = assertThrows(MojoFailureException.class, mojo(null)::execute);

        assertThat(e)
                .hasMessage("The token cache " + storeFile() + " is unreadable: it is empty. It only caches tokens:"
                        + " delete it and run again with the refresh token configured (if Revolut rotated the refresh"
                        + " token since, give consent again instead).");
    }

    private void start(EmulatorConfig.Builder config) {
        emulator = RevolutEmulator.start(config.build());
        emulator.seedClient(CLIENT_ID, PemEncoding.certificate(keys.certificate()), REDIRECT_URI);
        SharedEmulator shared = new SharedEmulator(1);
        shared.acquire(() -> emulator);
        repositorySession.getData().set(SharedEmulator.class, shared);
    }

    /** Consents and runs the goal with the code, as the first build does; returns the refresh token it stored. */
    private String exchangeCode() throws Exception {
        TokenMojo mojo = mojo(null);
        mojo.session
                .getUserProperties()
                .setProperty(
                        TokenMojo.CODE_PROPERTY,
                        emulator.approveConsent(CLIENT_ID, REDIRECT_URI, null).reveal());
        mojo.execute();
        return storedRefreshToken();
    }

    /** The goal in a new build, with REVOLUT_REFRESH_TOKEN set to {@code configuredRefreshToken} unless null. */
    private TokenMojo mojo(String configuredRefreshToken) throws IOException {
        Path key = home.resolve("privatecert.pem");
        if (!Files.exists(key)) {
            Files.writeString(key, PemEncoding.privateKey(keys));
        }
        TokenMojo mojo = new TokenMojo();
        mojo.environment = "sandbox";
        mojo.serverId = "revolut";
        mojo.clientId = CLIENT_ID;
        mojo.redirectUri = REDIRECT_URI;
        mojo.privateKey = key.toFile();
        mojo.home = home.toFile();
        mojo.apiUrl = emulator.apiUrl().toString();
        mojo.webAppUrl = emulator.webAppUrl().toString();
        mojo.tokenProperty = "revolut.accessToken";
        mojo.minValidity = "10m";
        mojo.connectTimeoutSeconds = 5;
        mojo.readTimeoutSeconds = 5;
        mojo.retryMaxAttempts = 1;
        mojo.retryMaxWaitSeconds = 5;
        mojo.consentWarningDays = 14;
        mojo.keepFresh = false;
        mojo.session = session(configuredRefreshToken);
        mojo.setLog(log);
        return mojo;
    }

    private MavenSession session(String configuredRefreshToken) {
        Properties system = new Properties();
        if (configuredRefreshToken != null) {
            system.setProperty("env.REVOLUT_REFRESH_TOKEN", configuredRefreshToken);
        }
        MavenSession session = mock(MavenSession.class);
        when(session.getRepositorySession()).thenReturn(repositorySession);
        when(session.getCurrentProject()).thenReturn(null);
        when(session.getSystemProperties()).thenReturn(system);
        when(session.getUserProperties()).thenReturn(new Properties());
        when(session.getSettings()).thenReturn(new Settings());
        when(session.getRequest()).thenReturn(new DefaultMavenExecutionRequest());
        return session;
    }

    private Path storeFile() throws IOException {
        try (var files = Files.list(home.resolve("sandbox"))) {
            return files.filter(file -> file.getFileName().toString().matches("tokens-sandbox-[0-9a-f]+\\.json"))
                    .findFirst()
                    .orElseThrow();
        }
    }

    private String storedRefreshToken() throws IOException {
        return new ObjectMapper()
                .readTree(storeFile().toFile())
                .get("refreshToken")
                .asText();
    }
}
