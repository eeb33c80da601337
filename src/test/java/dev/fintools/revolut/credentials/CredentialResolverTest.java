package dev.fintools.revolut.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fintools.revolut.secrets.Secret;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CredentialResolverTest {
    private static final Path BASE = Path.of("/project");
    private static final CredentialResolver.Parameters NO_PARAMETERS =
            new CredentialResolver.Parameters(null, null, null);
    private static final ServerEntry SERVER = new ServerEntry(
            "revolut",
            "client-from-settings",
            Secret.of("oa_sand_refreshFromSettings000"),
            "keys/settings.pem",
            Secret.of("settings-passphrase"),
            "https://settings.example.com");

    @Test
    void environmentVariablesWinOverSettingsAndParameters() {
        var resolver = resolver(
                Map.of("REVOLUT_CLIENT_ID", "client-from-env"),
                SERVER,
                new CredentialResolver.Parameters("client-from-pom", null, null));

        Resolved<String> clientId = resolver.clientId();

        assertThat(clientId.value()).isEqualTo("client-from-env");
        assertThat(clientId.source()).isEqualTo("environment variable REVOLUT_CLIENT_ID");
    }

    @Test
    void settingsServerWinsOverParameters() {
        var resolver =
                resolver(Map.of(), SERVER, new CredentialResolver.Parameters("pom", "https://pom.example", null));

        assertThat(resolver.clientId().source()).isEqualTo("settings.xml <server> 'revolut' <username>");
        assertThat(resolver.redirectUri().value()).isEqualTo("https://settings.example.com");
        assertThat(resolver.redirectUri().source())
                .isEqualTo("settings.xml <server> 'revolut' <configuration><redirectUri>");
    }

    @Test
    void parametersAreTheLastResort() {
        var resolver = resolver(Map.of(), null, new CredentialResolver.Parameters("pom-client", null, "k.pem"));

        assertThat(resolver.clientId().source()).isEqualTo("plugin parameter revolut.clientId");
        assertThat(resolver.privateKey().orElseThrow().value())
                .isEqualTo(new PrivateKeyReference.File(Path.of("/project/k.pem")));
    }

    @Test
    void aPrivateKeyVariableMayHoldThePemItself() {
        String pem = "-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----";
        var resolver = resolver(Map.of("REVOLUT_PRIVATE_KEY", pem), SERVER, NO_PARAMETERS);

        Resolved<PrivateKeyReference> key = resolver.privateKey().orElseThrow();

        assertThat(key.value()).isInstanceOf(PrivateKeyReference.Pem.class);
        assertThat(((PrivateKeyReference.Pem) key.value()).pem().reveal()).isEqualTo(pem);
        assertThat(key.toString()).doesNotContain("MIIE");
    }

    @Test
    void aPrivateKeyVariableMayHoldAPath() {
        var resolver = resolver(Map.of("REVOLUT_PRIVATE_KEY", "/keys/private.pem"), SERVER, NO_PARAMETERS);

        assertThat(resolver.privateKey().orElseThrow().value())
                .isEqualTo(new PrivateKeyReference.File(Path.of("/keys/private.pem")));
    }

    @Test
    void settingsKeyPathsAreRelativeToTheProject() {
        var resolver = resolver(Map.of(), SERVER, NO_PARAMETERS);

        assertThat(resolver.privateKey().orElseThrow().value())
                .isEqualTo(new PrivateKeyReference.File(Path.of("/project/keys/settings.pem")));
    }

    @Test
    void secretsComeFromTheEnvironmentOrSettingsOnly() {
        var fromSettings = resolver(Map.of(), SERVER, NO_PARAMETERS);
        var fromEnvironment = resolver(
                Map.of("REVOLUT_REFRESH_TOKEN", "oa_sand_fromEnvironment00000", "REVOLUT_PRIVATE_KEY_PASSPHRASE", "p"),
                SERVER,
                NO_PARAMETERS);

        assertThat(fromSettings.refreshToken().orElseThrow().source())
                .isEqualTo("settings.xml <server> 'revolut' <password>");
        assertThat(fromSettings.passphrase().orElseThrow().value().reveal()).isEqualTo("settings-passphrase");
        assertThat(fromEnvironment.refreshToken().orElseThrow().value().reveal())
                .isEqualTo("oa_sand_fromEnvironment00000");
        assertThat(fromEnvironment.passphrase().orElseThrow().source())
                .isEqualTo("environment variable REVOLUT_PRIVATE_KEY_PASSPHRASE");
    }

    @Test
    void aBlankEnvironmentVariableCountsAsUnset() {
        var resolver = resolver(Map.of("REVOLUT_CLIENT_ID", " "), SERVER, NO_PARAMETERS);

        assertThat(resolver.clientId().value()).isEqualTo("client-from-settings");
    }

    @Test
    void aMissingClientIdNamesEveryPlaceLookedAt() {
        var resolver = resolver(Map.of(), null, NO_PARAMETERS);

        assertThatThrownBy(resolver::clientId)
                .isInstanceOf(MissingCredentialException.class)
                .hasMessage("No Revolut client ID found. Looked at: environment variable REVOLUT_CLIENT_ID (not set);"
                        + " settings.xml <server> with <id>revolut</id> (no such server);"
                        + " plugin parameter revolut.clientId (not set)."
                        + " Set one of them to the ClientID shown in the web app after you upload the certificate,"
                        + " for example <server><id>revolut</id><username>...</username></server>"
                        + " in ~/.m2/settings.xml (see docs/configuration.md).");
    }

    @Test
    void aMissingRedirectUriShowsTheConfigurationElement() {
        var server = new ServerEntry("revolut", "id", null, null, null, null);
        var resolver = resolver(Map.of(), server, NO_PARAMETERS);

        assertThatThrownBy(resolver::redirectUri)
                .hasMessageContaining("settings.xml <server> 'revolut' <configuration><redirectUri> (not set)")
                .hasMessageContaining("<configuration><redirectUri>...</redirectUri></configuration>");
    }

    @Test
    void aMissingRefreshTokenExplainsHowToGetOne() {
        var resolver = resolver(Map.of(), null, NO_PARAMETERS);

        assertThat(resolver.refreshToken()).isEmpty();
        assertThat(resolver.missingRefreshToken())
                .hasMessageContaining("environment variable REVOLUT_REFRESH_TOKEN (not set)")
                .hasMessageContaining("'mvn revolut:token' stores after exchanging the code in REVOLUT_CODE")
                .hasMessageNotContaining("plugin parameter");
    }

    @Test
    void aServerEntryNeverPrintsItsValues() {
        assertThat(SERVER.toString()).isEqualTo("ServerEntry[id=revolut]");
        assertThat(new Resolved<>(Secret.of("oa_sand_secret_value_123"), "x").toString())
                .doesNotContain("secret_value");
    }

    private static CredentialResolver resolver(
            Map<String, String> environment, ServerEntry server, CredentialResolver.Parameters parameters) {
        return new CredentialResolver(environment, "revolut", server, parameters, BASE);
    }
}
