package dev.fintools.revolut.mojo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.fintools.revolut.credentials.CredentialResolver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.apache.maven.execution.DefaultMavenExecutionRequest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.DefaultSettingsDecrypter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sonatype.plexus.components.cipher.DefaultPlexusCipher;
import org.sonatype.plexus.components.sec.dispatcher.DefaultSecDispatcher;

/** Settings decryption through Maven's own decrypter, with a real settings-security.xml. */
class MavenCredentialsTest {
    private static final String MASTER = "{kXVxXsdHAtAHntTHLQFmeH1ssLrxN8uWBCR+ZL6XIIY=}";
    private static final String ENCRYPTED_REFRESH_TOKEN = "{Iy3CHTXj8G8HLlXRUl1zMPnK5cg2zVbSo34Pe4uRRFI=}";

    @TempDir
    Path folder;

    private final CapturingLog log = new CapturingLog();

    @Test
    void aValueThatCannotBeDecryptedFailsNamingTheServerButNotTheValue() throws Exception {
        MavenSession session = sessionWith(server("{this-is-not-what-the-master-password-encrypted=}"));
        MavenCredentials credentials = new MavenCredentials(session, decrypter(), log);

        MojoFailureException failure = assertThrows(
                MojoFailureException.class,
                () -> credentials.resolver("revolut", new CredentialResolver.Parameters(null, null, null)));

        assertThat(failure)
                .hasMessageStartingWith("Could not decrypt the settings.xml <server> 'revolut': ")
                .hasMessageContaining("settings-security.xml")
                .hasMessageNotContaining("this-is-not-what-the-master-password-encrypted");
    }

    @Test
    void aMissingMasterPasswordFileFailsTheSameWay() throws Exception {
        MavenSession session = sessionWith(server(ENCRYPTED_REFRESH_TOKEN));
        DefaultSecDispatcher dispatcher = new DefaultSecDispatcher(
                new DefaultPlexusCipher(),
                Map.of(),
                folder.resolve("absent.xml").toString());
        MavenCredentials credentials = new MavenCredentials(session, new DefaultSettingsDecrypter(dispatcher), log);

        MojoFailureException failure = assertThrows(
                MojoFailureException.class,
                () -> credentials.resolver("revolut", new CredentialResolver.Parameters(null, null, null)));

        assertThat(failure).hasMessageStartingWith("Could not decrypt the settings.xml <server> 'revolut': ");
        assertThat(failure.getMessage()).doesNotContain(ENCRYPTED_REFRESH_TOKEN);
    }

    @Test
    void readsThePlainValuesOfAServerWithoutEncryption() throws Exception {
        Server server = server("oa_sand_plain_refresh_token_value");
        server.setUsername("client-1");
        MavenCredentials credentials = new MavenCredentials(sessionWith(server), decrypter(), log);

        CredentialResolver resolver =
                credentials.resolver("revolut", new CredentialResolver.Parameters(null, null, null));

        assertThat(resolver.clientId().value()).isEqualTo("client-1");
        assertThat(resolver.refreshToken().orElseThrow().value().reveal())
                .isEqualTo("oa_sand_plain_refresh_token_value");
    }

    private DefaultSettingsDecrypter decrypter() throws Exception {
        Path security = Files.writeString(
                folder.resolve("settings-security.xml"),
                "<settingsSecurity><master>" + MASTER + "</master></settingsSecurity>");
        return new DefaultSettingsDecrypter(
                new DefaultSecDispatcher(new DefaultPlexusCipher(), Map.of(), security.toString()));
    }

    private static Server server(String password) {
        Server server = new Server();
        server.setId("revolut");
        server.setPassword(password);
        return server;
    }

    private MavenSession sessionWith(Server server) {
        Settings settings = new Settings();
        settings.addServer(server);
        MavenSession session = mock(MavenSession.class);
        when(session.getSettings()).thenReturn(settings);
        when(session.getSystemProperties()).thenReturn(new Properties());
        DefaultMavenExecutionRequest request = new DefaultMavenExecutionRequest();
        request.setBaseDirectory(folder.toFile());
        when(session.getRequest()).thenReturn(request);
        return session;
    }
}
