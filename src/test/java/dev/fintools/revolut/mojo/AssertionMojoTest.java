package dev.fintools.revolut.mojo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fintools.revolut.assertion.ClientAssertion;
import dev.fintools.revolut.keys.GeneratedKeys;
import dev.fintools.revolut.keys.PemEncoding;
import dev.fintools.revolut.keys.TestKeys;
import dev.fintools.revolut.secrets.Secret;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.execution.DefaultMavenExecutionRequest;
import org.apache.maven.execution.MavenExecutionRequest;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@MojoTest
class AssertionMojoTest {
    private static final String CLIENT_ID = "client-from-parameter";

    private static GeneratedKeys keys;
    private static GeneratedKeys otherKeys;

    @TempDir
    Path home;

    private final CapturingLog log = new CapturingLog();

    @BeforeAll
    static void createKeys() {
        keys = TestKeys.generated();
        otherKeys = TestKeys.generated();
    }

    @Test
    @InjectMojo(goal = "assertion")
    void writesAnOwnerOnlyAssertionBesideTheKeyThatTheCertificateVerifies(AssertionMojo mojo) throws Exception {
        prepare(mojo, keys);

        mojo.execute();

        Path file = home.resolve("sandbox/client_assertion.txt");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        ClientAssertion.verify(Secret.of(Files.readString(file)), keys.certificate(), TestKeys.CLOCK);
        assertThat(payload(file).get("sub").asText()).isEqualTo(CLIENT_ID);
        assertThat(payload(file).get("iss").asText()).isEqualTo("example.com");
    }

    @Test
    @InjectMojo(goal = "assertion")
    void reportsWhereEachCredentialCameFromAndTheConsentUrl(AssertionMojo mojo) throws Exception {
        prepare(mojo, keys);
        mojo.state = "fixed-state";
        mojo.scope = "read,pay";

        mojo.execute();

        assertThat(log.text())
                .contains("client ID:    from plugin parameter revolut.clientId")
                .contains("redirect URI: from plugin parameter revolut.redirectUri")
                .contains("passphrase:   none (unencrypted key)")
                .contains("certificate:  signature verified with " + home.resolve("sandbox/publiccert.cer"))
                .contains("expires:      2026-12-03T10:10:00Z")
                .contains("https://sandbox-business.revolut.com/app-confirm?client_id=client-from-parameter"
                        + "&redirect_uri=https%3A%2F%2Fexample.com%2Fcallback&response_type=code&scope=READ,PAY"
                        + "&state=fixed-state");
    }

    @Test
    @InjectMojo(goal = "assertion")
    void prefersTheClientIdFromTheEnvironment(AssertionMojo mojo) throws Exception {
        prepare(mojo, keys);
        mojo.session.getSystemProperties().setProperty("env.REVOLUT_CLIENT_ID", "client-from-env");

        mojo.execute();

        assertThat(payload(home.resolve("sandbox/client_assertion.txt"))
                        .get("sub")
                        .asText())
                .isEqualTo("client-from-env");
        assertThat(log.text()).contains("client ID:    from environment variable REVOLUT_CLIENT_ID");
    }

    @Test
    @InjectMojo(goal = "assertion")
    void readsAnEncryptedKeyWithThePassphraseFromSettingsXmlAndNeverLogsSecrets(AssertionMojo mojo) throws Exception {
        prepare(mojo, keys);
        Path key = Files.writeString(
                home.resolve("encrypted.pem"), TestKeys.encryptedPkcs8(keys.privateKey(), TestKeys.PASSPHRASE));
        Server server = new Server();
        server.setId("revolut");
        server.setUsername("client-from-settings");
        server.setPassphrase(TestKeys.PASSPHRASE);
        server.setPrivateKey(key.toString());
        Settings settings = new Settings();
        settings.addServer(server);
        when(mojo.session.getSettings()).thenReturn(settings);

        mojo.execute();

        String assertion = Files.readString(home.resolve("client_assertion.txt"));
        assertThat(log.text())
                .contains("passphrase:   from settings.xml <server> 'revolut' <passphrase>")
                .contains("client ID:    from settings.xml <server> 'revolut' <username>")
                .doesNotContain(TestKeys.PASSPHRASE)
                .doesNotContain(assertion)
                .doesNotContain(assertion.substring(assertion.lastIndexOf('.') + 1));
    }

    @Test
    @InjectMojo(goal = "assertion")
    void failsWithoutWritingWhenTheCertificateBelongsToAnotherKey(AssertionMojo mojo) throws Exception {
        prepare(mojo, keys);
        Files.writeString(home.resolve("sandbox/publiccert.cer"), PemEncoding.certificate(otherKeys.certificate()));

        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);

        assertThat(e).hasMessageContaining("do not belong together");
        assertThat(home.resolve("sandbox/client_assertion.txt")).doesNotExist();
    }

    @Test
    @InjectMojo(goal = "assertion")
    void usesTheWebAppUrlOverrideForTheEmulator(AssertionMojo mojo) throws Exception {
        prepare(mojo, keys);
        mojo.webAppUrl = "http://localhost:8089/";

        mojo.execute();

        assertThat(log.text()).contains("http://localhost:8089/app-confirm?client_id=client-from-parameter");
    }

    @Test
    @InjectMojo(goal = "assertion")
    void refusesAPlainHttpWebAppUrlToAnotherHost(AssertionMojo mojo) throws Exception {
        prepare(mojo, keys);
        mojo.webAppUrl = "http://example.com";

        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);

        assertThat(e).hasMessageStartingWith("Refusing revolut.webAppUrl 'http://example.com'");
    }

    @Test
    @InjectMojo(goal = "assertion")
    void refusesAnUnknownScopeBeforeSigning(AssertionMojo mojo) throws Exception {
        prepare(mojo, keys);
        mojo.scope = "READ,ADMIN";

        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);

        assertThat(e).hasMessageStartingWith("Unknown scope 'ADMIN'");
        assertThat(home.resolve("sandbox/client_assertion.txt")).doesNotExist();
    }

    @Test
    @InjectMojo(goal = "assertion")
    void namesEveryPlaceLookedAtWhenTheClientIdIsMissing(AssertionMojo mojo) throws Exception {
        prepare(mojo, keys);
        mojo.clientId = null;

        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);

        assertThat(e)
                .hasMessageStartingWith("No Revolut client ID found. Looked at: environment variable REVOLUT_CLIENT_ID"
                        + " (not set); settings.xml <server> with <id>revolut</id> (no such server); plugin parameter"
                        + " revolut.clientId (not set).");
    }

    @Test
    @InjectMojo(goal = "assertion")
    void hasATenMinuteDefaultLifetime(AssertionMojo mojo) {
        assertThat(mojo.assertionTtl).isEqualTo("10m");
    }

    private void prepare(AssertionMojo mojo, GeneratedKeys pair) throws Exception {
        Path folder = Files.createDirectories(home.resolve("sandbox"));
        Files.writeString(folder.resolve("privatecert.pem"), PemEncoding.privateKey(pair));
        Files.writeString(folder.resolve("publiccert.cer"), PemEncoding.certificate(pair.certificate()));
        MavenExecutionRequest request = new DefaultMavenExecutionRequest();
        request.setBaseDirectory(home.toFile());
        when(mojo.session.getRequest()).thenReturn(request);
        when(mojo.session.getCurrentProject()).thenReturn(null);
        mojo.home = home.toFile();
        mojo.clientId = CLIENT_ID;
        mojo.redirectUri = "https://example.com/callback";
        mojo.clock = TestKeys.CLOCK;
        mojo.setLog(log);
    }

    private static JsonNode payload(Path file) throws Exception {
        String payload = Files.readString(file).split("\\.")[1];
        return new ObjectMapper().readTree(Base64.getUrlDecoder().decode(payload));
    }
}
