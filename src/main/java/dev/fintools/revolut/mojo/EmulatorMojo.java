package dev.fintools.revolut.mojo;

import dev.fintools.revolut.emulator.EmulatorConfig;
import dev.fintools.revolut.emulator.RevolutEmulator;
import java.io.File;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Runs the Revolut emulator in the foreground until Ctrl+C or {@code POST /admin/shutdown}, for trying the API by hand
 * with curl: prints its URLs and how to register a certificate. Registers the plugin's own certificate
 * ({@code revolut.certificate}) when it exists, under the client ID and redirect URI the other goals resolve. Needs no
 * project: {@code mvn dev.fintools:revolut-maven-plugin:emulator}.
 */
@Mojo(name = "emulator", requiresProject = false, threadSafe = true)
public class EmulatorMojo extends AbstractRevolutMojo {

    /** The loopback port; 0 picks a free one. Default {@code 8089}. Example: {@code -Drevolut.emulator.port=9000}. */
    @Parameter(property = "revolut.emulator.port", defaultValue = "8089")
    int port;

    /** A JSON file with the accounts {@code GET /accounts} returns; defaults to the two accounts of Revolut's guide. */
    @Parameter(property = "revolut.emulator.accounts")
    File accounts;

    @Override
    String goal() {
        return "emulator";
    }

    @Override
    void run() throws MojoExecutionException, MojoFailureException {
        RevolutEmulator emulator = start();
        try (emulator) {
            getLog().info(instructions(emulator));
            emulator.shutdownRequest().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new MojoExecutionException("The Revolut emulator's shutdown request failed", e);
        }
    }

    private RevolutEmulator start() throws MojoFailureException, MojoExecutionException {
        EmulatorConfig.Builder config = EmulatorConfig.builder()
                .port(port)
                .environment(environment())
                .log(line -> getLog().info("[emulator] " + line));
        if (accounts != null) {
            config.accountsJson(OwnCertificate.read(accounts.toPath(), "accounts fixture (revolut.emulator.accounts)"));
        }
        OwnCertificate.seed(this, config);
        try {
            return RevolutEmulator.start(config.build());
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw new MojoFailureException("Could not start the Revolut emulator: " + e.getMessage(), e);
        }
    }

    private String instructions(RevolutEmulator emulator) throws MojoFailureException {
        Path certificate = certificatePath();
        return String.join(
                System.lineSeparator(),
                "Revolut emulator running (" + emulator.environment().id() + ", clients " + emulator.clientIds()
                        + "); press Ctrl+C or POST " + emulator.url() + "/admin/shutdown to stop.",
                "  API:      " + emulator.apiUrl() + "   (use -Drevolut.apiUrl=" + emulator.apiUrl() + ")",
                "  Consent:  " + emulator.webAppUrl() + "/app-confirm?client_id=<ClientID>"
                        + "&redirect_uri=https://example.com&response_type=code",
                "  Register a certificate (answers the ClientID):",
                "    curl -X POST --data-binary @" + certificate + " '" + emulator.url()
                        + "/admin/clients?redirectUri=https://example.com'",
                "  Admin API: " + emulator.url() + "/admin/ (see docs/emulator.md)");
    }
}
