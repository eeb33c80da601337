package dev.fintools.revolut.mojo;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.fintools.revolut.emulator.EmulatorConfig;
import dev.fintools.revolut.emulator.RevolutEmulator;
import dev.fintools.revolut.keys.GeneratedKeys;
import dev.fintools.revolut.keys.PemEncoding;
import dev.fintools.revolut.keys.TestKeys;
import dev.fintools.revolut.secrets.Secret;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.apache.maven.execution.DefaultMavenExecutionRequest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.Settings;
import org.eclipse.aether.DefaultRepositorySystemSession;

/**
 * The {@code token} and {@code verify-accounts} goals wired to a real in-process emulator: a key pair in a temporary
 * {@code revolut.home}, its certificate registered as one client, and a Maven session shared by the goals of a test.
 */
final class GoalFixture implements AutoCloseable {
    static final String CLIENT_ID = "goal-test-client";
    static final String REDIRECT_URI = "https://example.com";
    private static final GeneratedKeys KEYS = TestKeys.generated();

    final RevolutEmulator emulator;
    final Path home;
    final MavenProject project = new MavenProject();
    final Properties userProperties = new Properties();
    final Settings settings = new Settings();
    final CapturingLog log = new CapturingLog();
    private DefaultRepositorySystemSession repositorySession = new DefaultRepositorySystemSession();

    GoalFixture(Path directory) throws IOException {
        home = directory.resolve("home");
        Path folder = Files.createDirectories(home.resolve("sandbox"));
        Files.writeString(folder.resolve("privatecert.pem"), PemEncoding.privateKey(KEYS));
        String certificate = PemEncoding.certificate(KEYS.certificate());
        Files.writeString(folder.resolve("publiccert.cer"), certificate);
        project.setFile(directory.resolve("pom.xml").toFile());
        project.getBuild().setDirectory(directory.resolve("target").toString());
        emulator = RevolutEmulator.start(EmulatorConfig.builder()
                .port(0)
                .client(CLIENT_ID, certificate, REDIRECT_URI)
                .build());
    }

    /** A fresh authorization code, as the consent page's redirect carries it. */
    Secret consent() {
        return emulator.approveConsent(CLIENT_ID, REDIRECT_URI, null);
    }

    /** Token requests the emulator received so far, per grant type. */
    @SuppressWarnings("unchecked")
    Map<String, Long> tokenRequests() {
        return (Map<String, Long>) emulator.counts().get("token");
    }

    long accountRequests() {
        return (Long) emulator.counts().get("accounts");
    }

    TokenMojo token() {
        TokenMojo mojo = configure(new TokenMojo());
        mojo.tokenFile = new File(project.getBuild().getDirectory(), "revolut/access-token");
        mojo.keepFresh = false;
        return mojo;
    }

    VerifyAccountsMojo verifyAccounts() {
        VerifyAccountsMojo mojo = configure(new VerifyAccountsMojo());
        mojo.accountsReport = new File(project.getBuild().getDirectory(), "revolut/accounts.json");
        return mojo;
    }

    /** Exchanges a fresh code, as the first build after consent does, and forgets the exported properties. */
    void exchangeOnce() throws Exception {
        userProperties.setProperty(TokenMojo.CODE_PROPERTY, consent().reveal());
        token().execute();
        userProperties.remove(TokenMojo.CODE_PROPERTY);
        nextBuild();
    }

    /** Starts another Maven build: what a build remembers, such as the codes it exchanged, is gone. */
    void nextBuild() {
        repositorySession = new DefaultRepositorySystemSession();
        project.getProperties().clear();
    }

    KeygenMojo keygen() {
        KeygenMojo mojo = common(new KeygenMojo());
        mojo.keySize = 2048;
        mojo.subject = "CN=goal test";
        mojo.validityDays = 1825;
        return mojo;
    }

    AssertionMojo assertion() {
        AssertionMojo mojo = common(new AssertionMojo());
        mojo.assertionTtl = "10m";
        return mojo;
    }

    /** What every goal needs: the emulator's URLs, the client, the keys folder, the session and the log. */
    private <T extends AbstractRevolutMojo> T common(T mojo) {
        mojo.environment = "sandbox";
        mojo.apiUrl = emulator.apiUrl().toString();
        mojo.webAppUrl = emulator.webAppUrl().toString();
        mojo.serverId = "revolut";
        mojo.clientId = CLIENT_ID;
        mojo.redirectUri = REDIRECT_URI;
        mojo.home = home.toFile();
        mojo.session = session();
        mojo.setLog(log);
        return mojo;
    }

    private <T extends AbstractTokenMojo> T configure(T mojo) {
        common(mojo);
        mojo.tokenProperty = "revolut.accessToken";
        mojo.minValidity = "10m";
        mojo.connectTimeoutSeconds = 5;
        mojo.readTimeoutSeconds = 5;
        mojo.retryMaxAttempts = 2;
        mojo.retryMaxWaitSeconds = 10;
        mojo.consentWarningDays = 14;
        mojo.sleeper = duration -> {};
        return mojo;
    }

    private MavenSession session() {
        MavenSession session = mock(MavenSession.class);
        when(session.getRepositorySession()).thenReturn(repositorySession);
        when(session.getCurrentProject()).thenReturn(project);
        when(session.getUserProperties()).thenReturn(userProperties);
        when(session.getSystemProperties()).thenReturn(new Properties());
        when(session.getSettings()).thenReturn(settings);
        DefaultMavenExecutionRequest request = new DefaultMavenExecutionRequest();
        request.setBaseDirectory(home.toFile());
        when(session.getRequest()).thenReturn(request);
        return session;
    }

    @Override
    public void close() {
        emulator.close();
    }
}
