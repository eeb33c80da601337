package dev.fintools.revolut.mojo;

import dev.fintools.revolut.config.ApiUrl;
import dev.fintools.revolut.config.Environment;
import dev.fintools.revolut.config.WebAppUrl;
import dev.fintools.revolut.credentials.CredentialResolver;
import java.io.File;
import java.nio.file.Path;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Parameters and steps shared by every goal: skip, environment, API URL, and the credential resolver. No secret is a
 * parameter here or in any subclass: {@code mvn -X} prints every parameter's value.
 */
abstract class AbstractRevolutMojo extends AbstractMojo {

    /** Skips the goal. A skipped {@code token} goal still sets its property, to an empty value. */
    @Parameter(property = "revolut.skip", defaultValue = "false")
    boolean skip;

    /**
     * The Revolut environment: {@code sandbox} or {@code production}. Sandbox and production have separate
     * certificates and client IDs, so keys and tokens are kept apart per environment.
     */
    @Parameter(property = "revolut.environment", defaultValue = "sandbox")
    String environment;

    /**
     * Overrides the API base URL, for the built-in emulator and tests. Defaults to
     * {@code https://sandbox-b2b.revolut.com/api/1.0} in sandbox and {@code https://b2b.revolut.com/api/1.0} in
     * production. Only {@code https} is accepted, except for loopback addresses. {@code revolut:emulator-start} sets
     * this property for the rest of the build.
     */
    @Parameter(property = "revolut.apiUrl")
    String apiUrl;

    /**
     * Overrides the Business web app URL used in consent links and upload instructions, for the built-in emulator and
     * tests. Defaults to {@code https://sandbox-business.revolut.com} in sandbox and
     * {@code https://business.revolut.com} in production. Only {@code https} is accepted, except for loopback
     * addresses. {@code revolut:emulator-start} sets this property for the rest of the build.
     */
    @Parameter(property = "revolut.webAppUrl")
    String webAppUrl;

    /** The id of the {@code settings.xml} {@code <server>} that holds the credentials. */
    @Parameter(property = "revolut.serverId", defaultValue = "revolut")
    String serverId;

    /**
     * The client ID shown in the web app after the certificate upload. Not a secret, but usually kept in
     * {@code settings.xml} ({@code <username>}) or {@code REVOLUT_CLIENT_ID}, which take precedence.
     */
    @Parameter(property = "revolut.clientId")
    String clientId;

    /**
     * The OAuth redirect URI registered with the certificate, such as {@code https://example.com}. The server's
     * {@code <configuration><redirectUri>} and {@code REVOLUT_REDIRECT_URI} take precedence.
     */
    @Parameter(property = "revolut.redirectUri")
    String redirectUri;

    /**
     * Path of the PEM private key. Defaults to {@code privatecert.pem} in {@code ${revolut.home}/<environment>/}. The
     * server's {@code <privateKey>} and {@code REVOLUT_PRIVATE_KEY} take precedence.
     */
    @Parameter(property = "revolut.privateKey")
    File privateKey;

    /** Path of the PEM X.509 certificate. Defaults to {@code publiccert.cer} beside the default private key. */
    @Parameter(property = "revolut.certificate")
    File certificate;

    /**
     * The folder for keys and the token store, one subfolder per environment. Outside the project on purpose: keys
     * in the project tree get committed, and {@code mvn clean} deletes {@code target/}.
     */
    @Parameter(property = "revolut.home", defaultValue = "${user.home}/.revolut")
    File home;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    MavenSession session;

    @Component
    SettingsDecrypter settingsDecrypter;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            skipped();
            getLog().info("Skipping " + goal() + " (revolut.skip=true)");
            return;
        }
        run();
    }

    /** The goal's work, after the skip check. */
    abstract void run() throws MojoExecutionException, MojoFailureException;

    /** The goal's name, for messages. */
    abstract String goal();

    /** What a skipped goal still does, such as exporting an empty property. */
    void skipped() {}

    Environment environment() throws MojoFailureException {
        try {
            return Environment.parse(environment);
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
    }

    ApiUrl apiUrl() throws MojoFailureException {
        try {
            return ApiUrl.parse(effectiveApiUrl(), environment());
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
    }

    /** The web app base URL without a trailing slash, such as {@code https://sandbox-business.revolut.com}. */
    String webAppUrl() throws MojoFailureException {
        try {
            return WebAppUrl.parse(projectOrParameter(webAppUrl, "revolut.webAppUrl"), environment());
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
    }

    /** A parameter, or the project property that {@code revolut:emulator-start} set earlier in this build. */
    private String projectOrParameter(String parameter, String property) {
        if (parameter != null && !parameter.isBlank()) {
            return parameter;
        }
        return session.getCurrentProject() == null
                ? null
                : session.getCurrentProject().getProperties().getProperty(property);
    }

    /** The API URL, including one that {@code revolut:emulator-start} set earlier in this build. */
    private String effectiveApiUrl() {
        if (apiUrl != null && !apiUrl.isBlank()) {
            return apiUrl;
        }
        return session.getCurrentProject() == null
                ? null
                : session.getCurrentProject().getProperties().getProperty("revolut.apiUrl");
    }

    /** The environment's own folder under {@code revolut.home}. */
    Path environmentHome() throws MojoFailureException {
        return home.toPath().resolve(environment().id());
    }

    Path privateKeyPath() throws MojoFailureException {
        return privateKey != null ? privateKey.toPath() : environmentHome().resolve("privatecert.pem");
    }

    Path certificatePath() throws MojoFailureException {
        return certificate != null ? certificate.toPath() : environmentHome().resolve("publiccert.cer");
    }

    CredentialResolver credentials() throws MojoFailureException, MojoExecutionException {
        return new MavenCredentials(session, settingsDecrypter, getLog())
                .resolver(serverId, new CredentialResolver.Parameters(clientId, redirectUri, privateKeyPathText()));
    }

    private String privateKeyPathText() throws MojoFailureException {
        return privateKeyPath().toString();
    }
}
