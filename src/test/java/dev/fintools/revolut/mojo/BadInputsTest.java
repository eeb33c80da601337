package dev.fintools.revolut.mojo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.fintools.revolut.emulator.Fault;
import dev.fintools.revolut.keys.PemEncoding;
import dev.fintools.revolut.keys.TestKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The catalogue of bad inputs in docs/troubleshooting.md: each fails its goal with an actionable message and leaves
 * every existing file (key, certificate, assertion, token store, token file) exactly as it was.
 */
class BadInputsTest {
    private static final String BAD_HTML = "<html><body><h1>502 Bad Gateway</h1></body></html>";

    @TempDir
    static Path bad;

    @TempDir
    Path directory;

    private GoalFixture fixture;

    /** Sets up the goal with the bad input and returns it, ready to run. */
    interface BadInput {
        AbstractRevolutMojo goal(GoalFixture fixture, Path bad) throws Exception;
    }

    @BeforeEach
    void aWorkingSetUpWithEveryFileAGoalWrites() throws Exception {
        fixture = new GoalFixture(directory);
        fixture.assertion().execute();
        fixture.exchangeOnce();
        bad = Files.createDirectories(directory.resolve("bad"));
        var other = TestKeys.generated();
        Files.writeString(bad.resolve("other.cer"), PemEncoding.certificate(other.certificate()));
        Files.writeString(
                bad.resolve("ec.pem"), TestKeys.pkcs8(TestKeys.pair("EC", 256).getPrivate()));
        String key = Files.readString(fixture.home.resolve("sandbox/privatecert.pem"));
        Files.writeString(bad.resolve("truncated.pem"), key.substring(0, key.length() / 2));
        Files.writeString(bad.resolve("certificate-as-key.pem"), PemEncoding.certificate(other.certificate()));
        Files.writeString(
                bad.resolve("encrypted.pem"), TestKeys.encryptedPkcs8(other.privateKey(), TestKeys.PASSPHRASE));
    }

    @AfterEach
    void stopTheEmulator() {
        fixture.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void failsWithAnActionableMessageAndTouchesNoFile(String input, BadInput badInput, String expected)
            throws Exception {
        AbstractRevolutMojo goal = badInput.goal(fixture, bad);
        Map<Path, String> before = snapshot();

        MojoFailureException failure = assertThrows(MojoFailureException.class, goal::execute);

        assertThat(failure).hasMessageContaining(expected);
        assertThat(snapshot()).isEqualTo(before);
    }

    static Stream<Arguments> badInputs() {
        return Stream.of(
                bad("keygen: a 1024-bit key", (f, b) -> keygen(f, k -> k.keySize = 1024), "1024"),
                bad("keygen: a subject with no field", (f, b) -> keygen(f, k -> k.subject = " "), "C=GB,O=Acme Ltd"),
                bad("keygen: a malformed subject", (f, b) -> keygen(f, k -> k.subject = "Acme Ltd"), "C=GB,O=Acme"),
                bad("keygen: zero validity days", (f, b) -> keygen(f, k -> k.validityDays = 0), "validityDays"),
                bad("keygen: keys already there", (f, b) -> f.keygen(), "revolut.overwrite=true"),
                bad("assertion: a truncated PEM", (f, b) -> keyed(f, b.resolve("truncated.pem")), "truncated"),
                bad("assertion: an EC key", (f, b) -> keyed(f, b.resolve("ec.pem")), "needs an RSA key"),
                bad(
                        "assertion: a certificate given as the key",
                        (f, b) -> keyed(f, b.resolve("certificate-as-key.pem")),
                        "certificate"),
                bad(
                        "assertion: an encrypted key, no passphrase",
                        (f, b) -> keyed(f, b.resolve("encrypted.pem")),
                        "passphrase"),
                bad(
                        "assertion: key and certificate of different pairs",
                        (f, b) -> assertion(
                                f, a -> a.certificate = b.resolve("other.cer").toFile()),
                        "do not belong together"),
                bad("assertion: an unknown scope", (f, b) -> assertion(f, a -> a.scope = "READ,FLY"), "FLY"),
                bad(
                        "assertion: a redirect URI without host",
                        (f, b) -> assertion(f, a -> a.redirectUri = "https://"),
                        "host"),
                bad("assertion: a 100-day lifetime", (f, b) -> assertion(f, a -> a.assertionTtl = "100d"), "90 days"),
                bad("assertion: an unreadable lifetime", (f, b) -> assertion(f, a -> a.assertionTtl = "soon"), "PT10M"),
                bad(
                        "assertion: an http web app URL to a remote host",
                        (f, b) -> assertion(f, a -> a.webAppUrl = "http://business.revolut.com"),
                        "only https URLs are accepted"),
                bad(
                        "any goal: an unknown environment",
                        (f, b) -> assertion(f, a -> a.environment = "prod"),
                        "'sandbox'"),
                bad(
                        "any goal: no client ID anywhere",
                        (f, b) -> assertion(f, a -> a.clientId = null),
                        "No Revolut client ID found"),
                bad(
                        "token: an http API URL to a remote host",
                        (f, b) -> token(f, t -> t.apiUrl = "http://sandbox-b2b.revolut.com/api/1.0"),
                        "only https URLs are accepted"),
                bad(
                        "token: a production code in sandbox",
                        (f, b) -> withCode(f, "oa_prod_" + "x".repeat(40)),
                        "oa_prod_"),
                bad("token: a code without prefix", (f, b) -> withCode(f, "not-a-code"), "oa_sand_"),
                bad(
                        "token: a redirect URL without code",
                        (f, b) -> withCode(f, "https://example.com/?state=abc"),
                        "code"),
                bad("token: an expired code", BadInputsTest::expiredCode, "two minutes"),
                bad(
                        "token: a minimum validity of an hour",
                        (f, b) -> token(f, t -> t.minValidity = "1h"),
                        "40 minutes"),
                bad(
                        "token: an HTML error page from the token endpoint",
                        (f, b) -> faulty(
                                f, "/api/1.0/auth/token", Fault.status(502).withBody(BAD_HTML)),
                        "502"),
                bad("token: a refused refresh token", BadInputsTest::revoked, "Consent is needed again"),
                bad(
                        "verify-accounts: truncated JSON",
                        (f, b) -> accounts(f, Fault.status(200).withBody("[{\"id\":\"1\",\"currency\"")),
                        "truncated"),
                bad(
                        "verify-accounts: an empty body",
                        (f, b) -> accounts(f, Fault.status(200).withBody("")),
                        "empty"),
                bad(
                        "verify-accounts: an HTML page",
                        (f, b) -> accounts(f, Fault.status(200).withBody(BAD_HTML)),
                        "HTML"),
                bad(
                        "verify-accounts: a currency that is not ISO 4217",
                        (f, b) -> expect(f, v -> v.expectedCurrencies = "EURO"),
                        "EURO"),
                bad(
                        "verify-accounts: a malformed minimum balance",
                        (f, b) -> expect(f, v -> v.minBalances = "GBP:lots"),
                        "lots"),
                bad("verify-accounts: a negative account count", (f, b) -> expect(f, v -> v.minAccounts = -1), "-1"));
    }

    private static Arguments bad(String input, BadInput badInput, String expected) {
        return Arguments.of(input, badInput, expected);
    }

    /** Changes one parameter of a goal. */
    interface Change<T> {
        void apply(T goal) throws Exception;
    }

    private static KeygenMojo keygen(GoalFixture fixture, Change<KeygenMojo> change) throws Exception {
        KeygenMojo goal = fixture.keygen();
        goal.privateKey = fixture.home.resolve("new/privatecert.pem").toFile();
        goal.certificate = fixture.home.resolve("new/publiccert.cer").toFile();
        change.apply(goal);
        return goal;
    }

    private static AssertionMojo assertion(GoalFixture fixture, Change<AssertionMojo> change) throws Exception {
        AssertionMojo goal = fixture.assertion();
        change.apply(goal);
        return goal;
    }

    private static AssertionMojo keyed(GoalFixture fixture, Path key) throws Exception {
        return assertion(fixture, goal -> goal.privateKey = key.toFile());
    }

    private static TokenMojo token(GoalFixture fixture, Change<TokenMojo> change) throws Exception {
        TokenMojo goal = fixture.token();
        change.apply(goal);
        return goal;
    }

    private static TokenMojo withCode(GoalFixture fixture, String code) {
        fixture.userProperties.setProperty(TokenMojo.CODE_PROPERTY, code);
        return fixture.token();
    }

    private static TokenMojo expiredCode(GoalFixture fixture, Path bad) {
        String code = fixture.consent().reveal();
        fixture.emulator.advanceClock(Duration.ofSeconds(121));
        return withCode(fixture, code);
    }

    private static TokenMojo faulty(GoalFixture fixture, String path, Fault fault) throws Exception {
        fixture.emulator.fault(path, fault.times(10));
        return token(fixture, goal -> goal.forceRefresh = true);
    }

    private static TokenMojo revoked(GoalFixture fixture, Path bad) throws Exception {
        fixture.emulator.revoke(GoalFixture.CLIENT_ID);
        return token(fixture, goal -> goal.forceRefresh = true);
    }

    private static VerifyAccountsMojo accounts(GoalFixture fixture, Fault fault) {
        fixture.emulator.fault("/api/1.0/accounts", fault.times(10));
        return fixture.verifyAccounts();
    }

    private static VerifyAccountsMojo expect(GoalFixture fixture, Change<VerifyAccountsMojo> change) throws Exception {
        VerifyAccountsMojo goal = fixture.verifyAccounts();
        change.apply(goal);
        return goal;
    }

    /** Every file under the test folder with its content and modification time. */
    private Map<Path, String> snapshot() throws IOException {
        Map<Path, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.filter(Files::isRegularFile).toList()) {
                FileTime modified = Files.getLastModifiedTime(path);
                files.put(directory.relativize(path), modified + " " + Files.readString(path));
            }
        }
        return files;
    }
}
