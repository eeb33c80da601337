package dev.fintools.revolut.mojo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;

import dev.fintools.revolut.emulator.EmulatorConfig;
import dev.fintools.revolut.emulator.RevolutEmulator;
import dev.fintools.revolut.keys.GeneratedKeys;
import dev.fintools.revolut.keys.PemEncoding;
import dev.fintools.revolut.keys.TestKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.execution.DefaultMavenExecutionRequest;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code revolut:token} leaves in the project's properties after an exchange. Under {@code -X},
 * maven-resources-plugin prints every project property, so the access token is one only on request.
 */
@MojoTest
class TokenMojoExportTest {
    private static final String REDIRECT_URI = "https://example.com/callback";
    private static GeneratedKeys keys;

    @TempDir
    Path home;

    private final RevolutEmulator emulator = RevolutEmulator.start(EmulatorConfig.defaults());
    private final MavenProject project = new MavenProject();

    @BeforeAll
    static void createKeys() {
        keys = TestKeys.generated();
    }

    @AfterEach
    void stopTheEmulator() {
        emulator.close();
    }

    @Test
    @InjectMojo(goal = "token")
    void exportsTheTokenFileButNotTheTokenByDefault(TokenMojo mojo) throws Exception {
        prepare(mojo);

        mojo.execute();

        String token = Files.readString(mojo.tokenFile.toPath()).trim();
        assertThat(token).startsWith("oa_sand_");
        assertThat(project.getProperties())
                .containsEntry("revolut.tokenFile", mojo.tokenFile.toPath().toString())
                .doesNotContainKey("revolut.accessToken");
        assertThat(project.getProperties().values())
                .noneMatch(value -> value.toString().contains(token.substring(8)));
    }

    @Test
    @InjectMojo(goal = "token")
    void exportsTheTokenAsThePropertyTheUserNames(TokenMojo mojo) throws Exception {
        prepare(mojo);
        mojo.tokenProperty = "revolut.accessToken";

        mojo.execute();

        assertThat(project.getProperties().getProperty("revolut.accessToken"))
                .isEqualTo(Files.readString(mojo.tokenFile.toPath()).trim());
    }

    private void prepare(TokenMojo mojo) throws Exception {
        Path folder = Files.createDirectories(home.resolve("sandbox"));
        Files.writeString(folder.resolve("privatecert.pem"), PemEncoding.privateKey(keys));
        String clientId = emulator.registerClient(PemEncoding.certificate(keys.certificate()), REDIRECT_URI);
        project.setFile(home.resolve("pom.xml").toFile());
        DefaultMavenExecutionRequest request = new DefaultMavenExecutionRequest();
        request.setBaseDirectory(home.toFile());
        when(mojo.session.getRequest()).thenReturn(request);
        when(mojo.session.getCurrentProject()).thenReturn(project);
        when(mojo.session.getRepositorySession()).thenReturn(new DefaultRepositorySystemSession());
        mojo.session
                .getUserProperties()
                .setProperty(
                        "revolut.code",
                        emulator.approveConsent(clientId, REDIRECT_URI, null).reveal());
        mojo.home = home.toFile();
        mojo.clientId = clientId;
        mojo.redirectUri = REDIRECT_URI;
        mojo.apiUrl = emulator.apiUrl().toString();
        mojo.tokenFile = home.resolve("access-token").toFile();
        mojo.keepFresh = false;
    }
}
