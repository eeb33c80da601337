package dev.fintools.revolut.mojo;

import dev.fintools.revolut.credentials.MissingCredentialException;
import dev.fintools.revolut.emulator.EmulatorConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;

/**
 * Registers the plugin's own certificate ({@code revolut.certificate}) with an emulator at start, under the client ID
 * and redirect URI the other goals resolve, so a build's settings.xml works unchanged against the emulator. Shared by
 * {@code revolut:emulator-start} and {@code revolut:emulator}.
 */
final class OwnCertificate {
    static final String DEFAULT_REDIRECT_URI = "https://example.com";

    private OwnCertificate() {}

    /** Adds the own certificate as a client; false, with a DEBUG line, when there is no certificate file. */
    static boolean seed(AbstractRevolutMojo mojo, EmulatorConfig.Builder builder)
            throws MojoFailureException, MojoExecutionException {
        Path certificate = mojo.certificatePath();
        if (!Files.isRegularFile(certificate)) {
            mojo.getLog().debug("No certificate at " + certificate + "; the emulator starts without a client");
            return false;
        }
        String redirectUri =
                resolvedOrNull(() -> mojo.credentials().redirectUri().value());
        builder.client(
                resolvedOrNull(() -> mojo.credentials().clientId().value()),
                read(certificate, "certificate"),
                redirectUri == null ? DEFAULT_REDIRECT_URI : redirectUri);
        return true;
    }

    /** Reads a file the emulator is configured with; the failure names the file and what it was for. */
    static String read(Path file, String what) throws MojoFailureException {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MojoFailureException(
                    "Could not read the emulator's " + what + " at " + file + " (" + e.getMessage()
                            + "). Check the path.",
                    e);
        }
    }

    private interface Lookup {
        String get() throws MojoFailureException, MojoExecutionException;
    }

    private static String resolvedOrNull(Lookup lookup) throws MojoFailureException, MojoExecutionException {
        try {
            return lookup.get();
        } catch (MissingCredentialException e) {
            return null;
        }
    }
}
