package dev.fintools.revolut.testsupport;

import static dev.fintools.revolut.testing.TestSecrets.ACCESS_TOKEN;
import static dev.fintools.revolut.testing.TestSecrets.SECOND_ACCESS_TOKEN;
import static dev.fintools.revolut.testing.TestSecrets.thrownBy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RevolutTokenTest {
    @TempDir
    private Path folder;

    @AfterEach
    void forgetTheProperty() {
        System.clearProperty(RevolutToken.PROPERTY);
    }

    @Test
    void readsTheFileAgainOnEveryCall() throws Exception {
        Path tokenFile = folder.resolve("token");
        Files.writeString(tokenFile, ACCESS_TOKEN);
        String first = RevolutToken.current(tokenFile);
        Files.writeString(tokenFile, SECOND_ACCESS_TOKEN + "\n");

        String second = RevolutToken.current(tokenFile);

        assertThat(first).isEqualTo(ACCESS_TOKEN);
        assertThat(second).isEqualTo(SECOND_ACCESS_TOKEN);
    }

    @Test
    void findsTheFileThroughTheSystemProperty() throws Exception {
        Path tokenFile = folder.resolve("token");
        Files.writeString(tokenFile, ACCESS_TOKEN);
        System.setProperty(RevolutToken.PROPERTY, tokenFile.toString());

        assertThat(RevolutToken.bearer()).isEqualTo("Bearer " + ACCESS_TOKEN);
    }

    @Test
    void namesThePropertyAndVariableWhenNoFileIsConfigured() {
        assumeTrue(System.getenv(RevolutToken.ENVIRONMENT_VARIABLE) == null);

        IllegalStateException e = thrownBy(IllegalStateException.class, RevolutToken::current);

        assertThat(e)
                .hasMessage("No Revolut token file is configured: set the system property revolut.tokenFile or"
                        + " the environment variable REVOLUT_TOKEN_FILE to the file the plugin writes (for example in the"
                        + " failsafe plugin's systemPropertyVariables).");
    }

    @Test
    void reportsAMissingFile() {
        Path missing = folder.resolve("missing");

        IllegalStateException e = thrownBy(IllegalStateException.class, () -> RevolutToken.current(missing));

        assertThat(e).hasMessageStartingWith("The Revolut token file " + missing + " does not exist");
    }
}
