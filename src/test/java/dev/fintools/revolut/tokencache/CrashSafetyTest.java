package dev.fintools.revolut.tokencache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fintools.revolut.assertion.ClientAssertion;
import dev.fintools.revolut.config.ApiUrl;
import dev.fintools.revolut.emulator.EmulatorConfig;
import dev.fintools.revolut.emulator.RevolutEmulator;
import dev.fintools.revolut.keys.GeneratedKeys;
import dev.fintools.revolut.keys.PemEncoding;
import dev.fintools.revolut.keys.TestKeys;
import dev.fintools.revolut.secrets.Secret;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build killed with {@code kill -9} while it refreshes leaves a store that the next build reads and refreshes from:
 * another JVM refreshes without pause and is killed at several moments.
 */
class CrashSafetyTest {
    private static final String CLIENT_ID = "client-1";
    private static final String REDIRECT_URI = "https://example.com";
    /** Milliseconds between the first refresh and the kill: at once, then at moments spread over many refreshes. */
    private static final long[] KILL_DELAYS = {0, 7, 31, 97, 263};

    @TempDir
    Path folder;

    private RevolutEmulator emulator;
    private Path key;
    private Path store;

    @BeforeEach
    void consent() throws Exception {
        GeneratedKeys keys = TestKeys.generated();
        emulator = RevolutEmulator.start(EmulatorConfig.defaults());
        emulator.seedClient(CLIENT_ID, PemEncoding.certificate(keys.certificate()), REDIRECT_URI);
        key = Files.writeString(folder.resolve("privatecert.pem"), PemEncoding.privateKey(keys));
        store = folder.resolve("tokens.json");
        Secret code = emulator.approveConsent(CLIENT_ID, REDIRECT_URI, null);
        tokens().exchange(
                        code,
                        ClientAssertion.sign(
                                keys.privateKey(), CLIENT_ID, REDIRECT_URI, Duration.ofMinutes(5), Clock.systemUTC()));
    }

    @AfterEach
    void stopEmulator() {
        emulator.close();
    }

    @Test
    void leavesAReadableStoreWithAWorkingRefreshTokenWhenKilledWhileRefreshing() throws Exception {
        Secret refreshToken = new TokenStore(store).read().orElseThrow().refreshToken();
        for (long delay : KILL_DELAYS) {
            Process loop = RefreshLoop.start(
                    emulator.apiUrl().toString(), CLIENT_ID, REDIRECT_URI, key.toString(), store.toString());
            awaitFirstRefresh(loop);
            Thread.sleep(delay);

            OtherProcess.kill(loop);

            StoredTokens stored = new TokenStore(store).read().orElseThrow();
            assertThat(stored.refreshToken()).as("after a kill %d ms in", delay).isEqualTo(refreshToken);
            assertThat(tokens().refreshNow().refreshed()).isTrue();
            assertThat(leftoverTemporaryFiles())
                    .as("after a kill %d ms in", delay)
                    .isEmpty();
        }
        assertThat(((Map<?, ?>) emulator.counts().get("token")).get("refresh_token"))
                .as("the loops refreshed many times")
                .satisfies(count -> assertThat((Long) count).isGreaterThan(2L * KILL_DELAYS.length));
    }

    private AccessTokens tokens() {
        return RefreshLoop.accessTokens(
                ApiUrl.parse(emulator.apiUrl().toString()), CLIENT_ID, REDIRECT_URI, key, store);
    }

    /** The next write removes what a kill between creating and moving a temporary file left. */
    private List<Path> leftoverTemporaryFiles() throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.toString().endsWith(".tmp")).toList();
        }
    }

    private static void awaitFirstRefresh(Process loop) throws Exception {
        BufferedReader output =
                new BufferedReader(new InputStreamReader(loop.getInputStream(), StandardCharsets.UTF_8));
        String line = output.readLine();
        assertThat(line).as("the refresh loop's first line").isEqualTo("refreshed");
    }
}
