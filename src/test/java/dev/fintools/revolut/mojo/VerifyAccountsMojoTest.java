package dev.fintools.revolut.mojo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.fintools.revolut.emulator.Fault;
import dev.fintools.revolut.http.RevolutApiException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifyAccountsMojoTest {
    private static final String ACCOUNTS_PATH = "/api/1.0/accounts";

    @TempDir
    Path directory;

    private GoalFixture fixture;

    @BeforeEach
    void startEmulatorAndExchangeACode() throws Exception {
        fixture = new GoalFixture(directory);
        fixture.exchangeOnce();
    }

    @AfterEach
    void stopEmulator() {
        fixture.close();
    }

    @Test
    void printsTheAccountsAsATableAndWritesThemWithoutSecrets() throws Exception {
        VerifyAccountsMojo mojo = fixture.verifyAccounts();
        mojo.expectedCurrencies = "GBP,EUR";
        mojo.minAccounts = 2;

        mojo.execute();

        String report = Files.readString(mojo.accountsReport.toPath());
        assertThat(fixture.log.text()).containsPattern("Current GBP account\\s+GBP\\s+100\\.00\\s+active");
        assertThat(report).contains("\"currency\"").doesNotContain("oa_sand_");
    }

    @Test
    void usesTheTokenExportedEarlierInTheBuild() throws Exception {
        fixture.token().execute();

        fixture.verifyAccounts().execute();

        assertThat(fixture.log.text()).contains("Using the access token exported as ${revolut.accessToken}");
        assertThat(fixture.tokenRequests()).doesNotContainKey("refresh_token");
    }

    @Test
    void listsEveryUnmetExpectationInOneFailure() {
        VerifyAccountsMojo mojo = fixture.verifyAccounts();
        mojo.expectedCurrencies = "GBP,USD,JPY";
        mojo.minAccounts = 5;
        mojo.minBalances = "GBP:1000000";

        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);

        assertThat(e.getMessage())
                .startsWith("The Revolut accounts do not meet 4 expectation(s):")
                .contains("- Expected at least one active USD account, found none (no USD account; currencies"
                        + " present: GBP, EUR).")
                .contains("- Expected at least one active JPY account, found none")
                .contains("- Expected at least 5 accounts, found 2.")
                .contains("- Expected a GBP balance of at least 1000000.00, found 100.00 (sum of active GBP"
                        + " accounts).");
        assertThat(mojo.accountsReport).exists();
    }

    @Test
    void refusesInvalidExpectationsBeforeAnyRequest() {
        VerifyAccountsMojo mojo = fixture.verifyAccounts();
        mojo.expectedCurrencies = "GBP,pounds";
        mojo.minBalances = "EUR:lots";

        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);

        assertThat(e)
                .hasMessageStartingWith("Invalid accounts expectations (2 problems):")
                .hasMessageContaining("'pounds' is not a currency code")
                .hasMessageContaining("the amount 'lots' is not a number");
        assertThat(fixture.accountRequests()).isZero();
        assertThat(fixture.tokenRequests()).doesNotContainKey("refresh_token");
    }

    @Test
    void refreshesOnceAndRetriesWhenTheExportedTokenHasExpired() throws Exception {
        fixture.token().execute();
        fixture.emulator.advanceClock(Duration.ofSeconds(2401));
        VerifyAccountsMojo mojo = fixture.verifyAccounts();
        mojo.clock = Clock.offset(Clock.systemUTC(), Duration.ofSeconds(2401));

        mojo.execute();

        assertThat(fixture.log.text())
                .contains("GET /accounts answered 401 with the current access token; refreshing once and retrying");
        assertThat(fixture.tokenRequests()).containsEntry("refresh_token", 1L);
        assertThat(fixture.accountRequests()).isEqualTo(2);
    }

    @Test
    void exportsTheReplacementTokenToThePropertyAndTheTokenFile() throws Exception {
        fixture.token().execute();
        String refused = fixture.project.getProperties().getProperty("revolut.accessToken");
        fixture.emulator.fault(ACCOUNTS_PATH, Fault.status(401));

        fixture.verifyAccounts().execute();

        String replacement = fixture.project.getProperties().getProperty("revolut.accessToken");
        Path tokenFile = Path.of(fixture.project.getProperties().getProperty("revolut.tokenFile"));
        assertThat(replacement).isNotEqualTo(refused).startsWith("oa_sand_");
        assertThat(Files.readString(tokenFile).trim()).isEqualTo(replacement);
    }

    @Test
    void saysWhatWasTriedWhenTheRetryIsRefusedToo() throws Exception {
        fixture.emulator.fault(ACCOUNTS_PATH, Fault.status(401).times(2));

        MojoFailureException e = assertThrows(MojoFailureException.class, fixture.verifyAccounts()::execute);

        assertThat(e)
                .hasMessageStartingWith("GET /accounts answered 401 (\"The request should be authorized.\") twice:"
                        + " with the access token of this build, then with a new one from a refresh that Revolut"
                        + " accepted.")
                .hasCauseInstanceOf(RevolutApiException.class);
        assertThat(fixture.tokenRequests()).containsEntry("refresh_token", 1L);
    }

    @Test
    void namesTheIpWhitelistOnA403() {
        fixture.emulator.fault(ACCOUNTS_PATH, Fault.status(403));

        MojoFailureException e = assertThrows(MojoFailureException.class, fixture.verifyAccounts()::execute);

        assertThat(e)
                .hasMessageContaining("answered HTTP 403")
                .hasMessageContaining("add this machine's public IP address to it");
    }

    @Test
    void explainsTheRateLimitWhenEveryAttemptAnswers429() {
        fixture.emulator.fault(
                ACCOUNTS_PATH, Fault.status(429).withRetryAfter("1").times(2));

        MojoFailureException e = assertThrows(MojoFailureException.class, fixture.verifyAccounts()::execute);

        assertThat(e).hasMessageContaining("answered HTTP 429").hasMessageContaining("about 60 requests per minute");
    }

    @Test
    void reportsAServerErrorAfterTheRetries() {
        fixture.emulator.fault(ACCOUNTS_PATH, Fault.status(503).times(2));

        MojoFailureException e = assertThrows(MojoFailureException.class, fixture.verifyAccounts()::execute);

        assertThat(e).hasMessageContaining("answered HTTP 503").hasMessageContaining("server error");
        assertThat(fixture.accountRequests()).isEqualTo(2);
    }

    @Test
    void describesAnHtmlBodyInsteadOfFailingOnIt() {
        fixture.emulator.fault(
                ACCOUNTS_PATH,
                Fault.status(502)
                        .withBody("<html><body>Bad gateway</body></html>")
                        .times(2));

        MojoFailureException e = assertThrows(MojoFailureException.class, fixture.verifyAccounts()::execute);

        assertThat(e)
                .hasMessageContaining("answered HTTP 502 with an HTML page: \"<html><body>Bad gateway</body></html>\"."
                        + " Revolut's API had a server error");
    }

    @Test
    void explainsASuccessfulAnswerThatIsAnHtmlPage() {
        fixture.emulator.fault(ACCOUNTS_PATH, Fault.status(200).withBody("<html>maintenance</html>"));

        MojoFailureException e = assertThrows(MojoFailureException.class, fixture.verifyAccounts()::execute);

        assertThat(e).hasMessageStartingWith("GET /accounts returned an HTML page instead of JSON");
    }

    @Test
    void explainsATlsFailure() throws Exception {
        fixture.token().execute();
        try (ServerSocket plainHttp = answeringPlainHttp()) {
            VerifyAccountsMojo mojo = fixture.verifyAccounts();
            mojo.apiUrl = "https://127.0.0.1:" + plainHttp.getLocalPort() + "/api/1.0";

            MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);

            assertThat(e)
                    .hasMessageContaining("the TLS connection to 127.0.0.1 could not be established")
                    .hasMessageContaining("-Djavax.net.ssl.trustStore=<file>");
        }
    }

    @Test
    void explainsATimeout() {
        VerifyAccountsMojo mojo = fixture.verifyAccounts();
        mojo.readTimeoutSeconds = 1;
        fixture.emulator.fault(ACCOUNTS_PATH, Fault.delay(Duration.ofSeconds(3)).times(2));

        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);

        assertThat(e).hasMessageContaining("did not answer in time");
    }

    /** A server that answers every connection in plain HTTP, as a misconfigured proxy or port does to TLS. */
    private static ServerSocket answeringPlainHttp() throws IOException {
        ServerSocket server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        Thread thread = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket socket = server.accept()) {
                    socket.getOutputStream()
                            .write("HTTP/1.1 400 Bad Request\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                } catch (IOException e) {
                    // closed at the end of the test
                }
            }
        });
        thread.setDaemon(true);
        thread.start();
        return server;
    }
}
