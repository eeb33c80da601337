package dev.fintools.revolut.tokencache;

import static dev.fintools.revolut.testing.TestSecrets.ACCESS_TOKEN;
import static dev.fintools.revolut.testing.TestSecrets.ASSERTION;
import static dev.fintools.revolut.testing.TestSecrets.REFRESH_TOKEN;
import static dev.fintools.revolut.testing.TestSecrets.SECOND_ACCESS_TOKEN;
import static dev.fintools.revolut.testing.TokenAnswers.tokens;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.fintools.revolut.config.ApiUrl;
import dev.fintools.revolut.config.Environment;
import dev.fintools.revolut.http.HttpClients;
import dev.fintools.revolut.http.RateLimiter;
import dev.fintools.revolut.http.RetryPolicy;
import dev.fintools.revolut.http.Sleeper;
import dev.fintools.revolut.oauth.TokenClient;
import dev.fintools.revolut.secrets.Secret;
import dev.fintools.revolut.testing.FakeTime;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenKeeperTest {
    @StartStop
    private final MockWebServer server = new MockWebServer();

    @TempDir
    private Path folder;

    @Test
    void startWritesTheAccessTokenToAFileOnlyItsOwnerCanRead() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        server.enqueue(tokens(ACCESS_TOKEN, 2399, null));
        Path tokenFile = folder.resolve("token");

        try (TokenKeeper keeper = new TokenKeeper(
                accessTokens(Clock.systemUTC()), tokenFile, Duration.ofMinutes(10), Clock.systemUTC())) {
            keeper.start();
        }

        assertThat(tokenFile).hasContent(ACCESS_TOKEN);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenFile)))
                .isEqualTo("rw-------");
    }

    @Test
    void schedulesTheRenewalRefreshAheadOfExpiry() {
        FakeTime time = new FakeTime();
        TokenKeeper keeper = new TokenKeeper(accessTokens(time), folder.resolve("token"), Duration.ofMinutes(10), time);
        ValidToken token = new ValidToken(
                Secret.of(ACCESS_TOKEN), time.instant().plusSeconds(2399), Secret.of(REFRESH_TOKEN), true, false);

        assertThat(keeper.delayUntilRenewal(token)).isEqualTo(Duration.ofSeconds(1799));
    }

    @Test
    void neverSchedulesTheRenewalSoonerThanOneSecond() {
        FakeTime time = new FakeTime();
        TokenKeeper keeper = new TokenKeeper(accessTokens(time), folder.resolve("token"), Duration.ofMinutes(10), time);
        ValidToken token =
                new ValidToken(Secret.of(ACCESS_TOKEN), time.instant(), Secret.of(REFRESH_TOKEN), true, false);

        assertThat(keeper.delayUntilRenewal(token)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void renewsTheFileInTheBackgroundWhenTheTokenIsDue() throws Exception {
        server.enqueue(tokens(ACCESS_TOKEN, 2, null));
        server.enqueue(tokens(SECOND_ACCESS_TOKEN, 2399, null));
        Path tokenFile = folder.resolve("token");

        try (TokenKeeper keeper =
                new TokenKeeper(accessTokens(Clock.systemUTC()), tokenFile, Duration.ofSeconds(1), Clock.systemUTC())) {
            keeper.start();
            waitForContent(tokenFile, SECOND_ACCESS_TOKEN);
        }

        assertThat(tokenFile).hasContent(SECOND_ACCESS_TOKEN);
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void renewsSoonAfterTheClockJumpsPastTheRenewalTime() throws Exception {
        FakeTime time = new FakeTime();
        server.enqueue(tokens(ACCESS_TOKEN, 2399, null));
        server.enqueue(tokens(SECOND_ACCESS_TOKEN, 2399, null));
        Path tokenFile = folder.resolve("token");

        try (TokenKeeper keeper = new TokenKeeper(accessTokens(time), tokenFile, Duration.ofMinutes(10), time)) {
            keeper.start();
            time.advance(Duration.ofMinutes(35));
            waitForContent(tokenFile, SECOND_ACCESS_TOKEN);
        }

        assertThat(tokenFile).hasContent(SECOND_ACCESS_TOKEN);
    }

    private static void waitForContent(Path file, String expected) throws Exception {
        for (int i = 0; i < 100 && !Files.readString(file).equals(expected); i++) {
            Thread.sleep(50);
        }
    }

    private AccessTokens accessTokens(Clock clock) {
        ApiUrl apiUrl = ApiUrl.parse(server.url("/api/1.0").toString());
        Sleeper noWait = duration -> {};
        TokenClient client = new TokenClient(
                HttpClients.create(), apiUrl, RetryPolicy.none(), RateLimiter.unlimited(), clock, noWait);
        TokenStore store = TokenStore.inFolder(folder, Environment.SANDBOX, "client-1");
        ClientIdentity identity = new ClientIdentity("client-1", Environment.SANDBOX, apiUrl);
        return new AccessTokens(
                store, new TokenLocks(), client, () -> Secret.of(ASSERTION), identity, Secret.of(REFRESH_TOKEN), clock);
    }
}
