package dev.fintools.revolut.mojo;

import dev.fintools.revolut.credentials.Resolved;
import dev.fintools.revolut.http.RevolutApiException;
import dev.fintools.revolut.oauth.CodeInput;
import dev.fintools.revolut.secrets.Secret;
import dev.fintools.revolut.tokencache.TokenKeeper;
import dev.fintools.revolut.tokencache.TokenStoreException;
import dev.fintools.revolut.tokencache.ValidToken;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Gets an access token and exports it for integration tests. With an authorization code or redirect URL in the
 * environment variable {@code REVOLUT_CODE} (or {@code -Drevolut.code=...}, which puts it on the command line) it
 * exchanges an authorization code once and stores the refresh token; in every other build it reuses the stored access
 * token while it has {@code revolut.minValidity} left, or turns the refresh token into a new one. The token is
 * written to {@code revolut.tokenFile}, which is kept fresh while the build runs, and exported as a project property
 * only when {@code revolut.tokenProperty} names one.
 */
@Mojo(name = "token", defaultPhase = LifecyclePhase.INITIALIZE, requiresProject = false, threadSafe = true)
public class TokenMojo extends AbstractTokenMojo {
    static final String CODE_PROPERTY = "revolut.code";
    static final String CODE_VARIABLE = "REVOLUT_CODE";
    static final String TOKEN_FILE_PROPERTY = "revolut.tokenFile";
    private static final String EXCHANGED_CODES = TokenMojo.class.getName() + ".exchangedCodes";
    private static final String KEEPERS = TokenMojo.class.getName() + ".keepers";

    /**
     * The file the current access token is written to (readable by its owner only), exported as the project property
     * {@code revolut.tokenFile}. Test code that reads it before each use never holds an expired token: see
     * {@code dev.fintools.revolut.testsupport.RevolutToken}.
     */
    @Parameter(property = "revolut.tokenFile", defaultValue = "${project.build.directory}/revolut/access-token")
    File tokenFile;

    /**
     * Keeps the token file fresh while the build runs: a background thread of the Maven process refreshes the access
     * token {@code revolut.minValidity} before it expires, for builds longer than the token's 40 minutes. The thread
     * ends with the Maven process.
     */
    @Parameter(property = "revolut.keepFresh", defaultValue = "true")
    boolean keepFresh;

    /**
     * Refreshes even when the stored access token is still valid. Refreshing invalidates the previous access token,
     * also in other builds that share it: leave this off in normal builds.
     */
    @Parameter(property = "revolut.forceRefresh", defaultValue = "false")
    boolean forceRefresh;

    @Override
    String goal() {
        return "token";
    }

    @Override
    void skipped() {
        if (hasProject()) {
            if (exportsTokenProperty()) {
                project().getProperties().setProperty(tokenProperty, "");
            }
            project().getProperties().setProperty(TOKEN_FILE_PROPERTY, "");
        }
    }

    @Override
    void work() throws MojoFailureException, MojoExecutionException {
        Connection connection = new Connection();
        Optional<CodeInput> code = authorizationCode(connection);
        Obtained obtained = code.isPresent() ? exchange(connection, code.get()) : refresh(connection);
        ValidToken token = hasProject() ? export(connection, obtained.token) : obtained.token;
        warnIfConsentEnds(connection);
        warnIfRotated(connection, token);
        getLog().info(summary(connection, token, obtained.how));
    }

    /** The token and how it was obtained, for the summary line. */
    private record Obtained(ValidToken token, String how) {}

    private Optional<CodeInput> authorizationCode(Connection connection) throws MojoFailureException {
        String value = codeProperty();
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        CodeInput code = parseCode(value, connection);
        if (exchangedCodes().contains(code.code())) {
            getLog().debug("The authorization code was exchanged earlier in this build; refreshing instead");
            return Optional.empty();
        }
        checkState(code);
        return Optional.of(code);
    }

    /**
     * Read directly, never as a parameter: {@code mvn -X} prints parameters, and a code is a secret. In order: the
     * user property {@code -Drevolut.code}, the code of the emulator's consent in this build, then the environment
     * variable {@code REVOLUT_CODE}, which keeps the code off the command line.
     */
    private String codeProperty() {
        String fromCommandLine = session.getUserProperties().getProperty(CODE_PROPERTY);
        if (fromCommandLine != null) {
            return fromCommandLine;
        }
        Optional<Secret> fromEmulator = hasProject() ? ConsentCodes.get(session, project()) : Optional.empty();
        if (fromEmulator.isPresent()) {
            return fromEmulator.get().reveal();
        }
        return session.getSystemProperties().getProperty("env." + CODE_VARIABLE);
    }

    private CodeInput parseCode(String value, Connection connection) throws MojoFailureException {
        try {
            return CodeInput.parse(value, connection.environment);
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
    }

    /** The state sent in the consent URL must come back with the code; a different one is not our redirect. */
    private void checkState(CodeInput code) throws MojoFailureException {
        String expected = session.getUserProperties().getProperty("revolut.state");
        if (expected != null && code.state() != null && !expected.equals(code.state())) {
            throw new MojoFailureException("The redirect URL's state '" + code.state() + "' is not the revolut.state '"
                    + expected + "' this consent was started with: it may come from another consent. Give consent"
                    + " again with the URL 'mvn revolut:assertion' prints, and paste the address it redirects to.");
        }
    }

    private Obtained exchange(Connection connection, CodeInput code) throws MojoFailureException {
        try {
            ValidToken token = connection.tokens.exchange(code.code(), connection.freshAssertion());
            exchangedCodes().add(code.code());
            getLog().info("Exchanged the authorization code. The refresh token is stored in "
                    + connection.tokens.store().file() + " (readable by you only). For CI, copy its"
                    + " \"refreshToken\" value into the settings.xml <server> '" + serverId + "' as <password>,"
                    + " encrypted with 'mvn --encrypt-password', or into a secret variable REVOLUT_REFRESH_TOKEN."
                    + " Never put it in the POM or on a command line.");
            return new Obtained(token, "exchanged the authorization code");
        } catch (RevolutApiException e) {
            if (e.kind() != RevolutApiException.Kind.OAUTH_ERROR) {
                throw e;
            }
            throw new MojoFailureException(e.getMessage() + " Authorization codes live two minutes and work once:"
                    + " give consent again at " + connection.consentUrl() + " and run the goal with the new code.");
        }
    }

    private Obtained refresh(Connection connection) throws MojoFailureException {
        try {
            return refreshOrReuse(connection);
        } catch (TokenStoreException e) {
            if (!e.isUnreadable() || connection.configuredRefreshToken.isEmpty()) {
                throw e;
            }
            getLog().warn(e.getMessage() + " Starting a new token store with the refresh token from "
                    + connection.configuredRefreshToken.get().source() + ".");
            connection.tokens.discardStore();
            return refreshOrReuse(connection);
        } catch (RevolutApiException e) {
            if (!e.isRefreshTokenRefused()) {
                throw e;
            }
            throw new MojoFailureException(e.getMessage() + " Consent is needed again: open "
                    + connection.consentUrl() + ", approve, put the redirect URL in the environment variable"
                    + " REVOLUT_CODE and run 'mvn revolut:token'.");
        }
    }

    private Obtained refreshOrReuse(Connection connection) {
        if (forceRefresh) {
            return new Obtained(connection.tokens.refreshNow(), "refreshed (revolut.forceRefresh)");
        }
        ValidToken token = connection.tokens.get(connection.minimumValidity);
        return new Obtained(token, token.refreshed() ? "refreshed" : "reused the stored token, no request");
    }

    /** Sets the properties and writes the token file, kept fresh in the background when asked. */
    private ValidToken export(Connection connection, ValidToken obtained) {
        Path file = tokenFile.toPath().toAbsolutePath().normalize();
        TokenKeeper keeper = new TokenKeeper(connection.tokens, file, connection.minimumValidity, clock);
        ValidToken token = keeper.start(obtained); // writes the file without reading the store again
        replaceKeeper(file, keeper);
        Properties properties = project().getProperties();
        if (exportsTokenProperty()) {
            properties.setProperty(tokenProperty, token.accessToken().reveal());
            properties.setProperty(
                    tokenProperty + ".expiresAt", token.expiresAt().toString());
        }
        properties.setProperty(TOKEN_FILE_PROPERTY, file.toString());
        properties.setProperty("revolut.apiUrl", connection.apiUrl.toString());
        return token;
    }

    /** One keeper per token file in a build; the newest replaces an older one, which stops. */
    @SuppressWarnings("unchecked")
    private void replaceKeeper(Path file, TokenKeeper keeper) {
        var keepers = (ConcurrentHashMap<Path, TokenKeeper>)
                session.getRepositorySession().getData().computeIfAbsent(KEEPERS, ConcurrentHashMap::new);
        TokenKeeper previous = keepFresh ? keepers.put(file, keeper) : keepers.remove(file);
        if (previous != null) {
            previous.stop();
        }
        if (!keepFresh) {
            keeper.stop();
        }
    }

    private void warnIfConsentEnds(Connection connection) throws MojoFailureException {
        if (connection.tokens.reconsentDue(Duration.ofDays(consentWarningDays))) {
            Duration age = connection.tokens.consentAge().orElse(Duration.ZERO);
            getLog().warn("Consent was given " + age.toDays() + " days ago; businesses that must re-authorise every"
                    + " 90 days lose access at day 90. Give consent again in time: " + connection.consentUrl());
        }
    }

    private void warnIfRotated(Connection connection, ValidToken token) {
        if (token.refreshTokenRotated() && connection.configuredRefreshToken.isPresent()) {
            Resolved<Secret> configured = connection.configuredRefreshToken.get();
            getLog().warn("Revolut replaced the refresh token. The new one is in "
                    + connection.tokens.store().file() + "; put it in place of the one in " + configured.source()
                    + " (encrypted with 'mvn --encrypt-password'), as the old one may stop working.");
        }
    }

    private String summary(Connection connection, ValidToken token, String how) {
        String exported = hasProject()
                ? "; written to ${revolut.tokenFile} = " + tokenFile
                        + (keepFresh ? " (kept fresh while the build runs)" : "")
                        + (exportsTokenProperty() ? " and exported as ${" + tokenProperty + "}" : "")
                : "";
        return "Access token for client " + connection.clientId.value() + " (" + connection.environment.id() + "): "
                + how + ", valid until " + token.expiresAt() + exported;
    }

    @SuppressWarnings("unchecked")
    private Set<Secret> exchangedCodes() {
        return (Set<Secret>)
                session.getRepositorySession().getData().computeIfAbsent(EXCHANGED_CODES, ConcurrentHashMap::newKeySet);
    }

    private boolean hasProject() {
        MavenProject project = session.getCurrentProject();
        return project != null && project.getFile() != null;
    }

    private MavenProject project() {
        return session.getCurrentProject();
    }
}
