package dev.fintools.revolut.mojo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;

import dev.fintools.revolut.testing.TestSecrets;
import java.nio.file.Path;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.execution.DefaultMavenExecutionRequest;
import org.apache.maven.execution.MavenExecutionRequest;
import org.apache.maven.plugin.MojoFailureException;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where {@code revolut:token} reads the authorization code from; each code here is refused before any request. */
@MojoTest
class TokenMojoCodeTest {
    @TempDir
    Path home;

    @Test
    @InjectMojo(goal = "token")
    void readsTheCodeFromTheEnvironmentVariableRevolutCode(TokenMojo mojo) {
        prepare(mojo);
        mojo.session.getSystemProperties().setProperty("env.REVOLUT_CODE", TestSecrets.PRODUCTION_CODE);

        MojoFailureException e = TestSecrets.thrownBy(MojoFailureException.class, mojo::execute);

        assertThat(e).hasMessageStartingWith("The authorization code oa_prod_…789 is a production code");
    }

    @Test
    @InjectMojo(goal = "token")
    void prefersTheUserPropertyToTheEnvironmentVariable(TokenMojo mojo) {
        prepare(mojo);
        mojo.session.getSystemProperties().setProperty("env.REVOLUT_CODE", TestSecrets.PRODUCTION_CODE);
        mojo.session.getUserProperties().setProperty("revolut.code", "not-a-code-at-all");

        MojoFailureException e = TestSecrets.thrownBy(MojoFailureException.class, mojo::execute);

        assertThat(e).hasMessageStartingWith("The authorization code …all does not start with oa_sand_");
    }

    private void prepare(TokenMojo mojo) {
        MavenExecutionRequest request = new DefaultMavenExecutionRequest();
        request.setBaseDirectory(home.toFile());
        when(mojo.session.getRequest()).thenReturn(request);
        when(mojo.session.getCurrentProject()).thenReturn(null);
        when(mojo.session.getRepositorySession()).thenReturn(new DefaultRepositorySystemSession());
        mojo.home = home.toFile();
        mojo.clientId = "client-from-parameter";
        mojo.redirectUri = "https://example.com/callback";
    }
}
