package dev.fintools.revolut.mojo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.fintools.revolut.emulator.EmulatorFixtures;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.Settings;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmulatorStartMojoTest {
    @TempDir
    Path directory;

    private final List<String> log = new ArrayList<>();
    private final DefaultRepositorySystemSession repositorySession = new DefaultRepositorySystemSession();
    private final List<MavenProject> modules = new ArrayList<>();

    @AfterEach
    void stopEveryModule() throws Exception {
        for (MavenProject module : modules) {
            stop(module);
        }
    }

    @Test
    void exportsTheEmulatorUrlsToTheModule() throws Exception {
        MavenProject module = module("alpha");

        start(module, configuredClient());

        Properties properties = module.getProperties();
        String root = properties.getProperty("revolut.emulator.url");
        assertThat(root).matches("http://127\\.0\\.0\\.1:\\d+");
        assertThat(properties.getProperty("revolut.apiUrl")).isEqualTo(root + "/api/1.0");
        assertThat(properties.getProperty("revolut.webAppUrl")).isEqualTo(root);
        assertThat(properties).doesNotContainKey("revolut.clientId");
    }

    @Test
    void exportsTheConsentUrlOfTheRegisteredClient() throws Exception {
        MavenProject module = module("alpha");

        start(module, configuredClient());

        Properties properties = module.getProperties();
        assertThat(properties.getProperty("revolut.emulator.consentUrl"))
                .isEqualTo(properties.getProperty("revolut.emulator.url")
                        + "/app-confirm?client_id=configured-client&redirect_uri=https%3A%2F%2Fexample.com"
                        + "&response_type=code");
    }

    @Test
    void sharesOneEmulatorBetweenModules() throws Exception {
        MavenProject alpha = module("alpha");
        MavenProject beta = module("beta");

        start(alpha, configuredClient());
        start(beta, configuredClient());

        assertThat(beta.getProperties().getProperty("revolut.apiUrl"))
                .isEqualTo(alpha.getProperties().getProperty("revolut.apiUrl"));
        assertThat(log.stream().filter(line -> line.startsWith("[info] Revolut emulator started")))
                .hasSize(1);
    }

    @Test
    void registersThePluginsOwnCertificateUnderAGeneratedClientId() throws Exception {
        MavenProject module = module("alpha");
        EmulatorStartMojo mojo = mojo(module, null);
        mojo.certificate = certificateFile().toFile();

        mojo.execute();

        assertThat(module.getProperties().getProperty("revolut.clientId")).matches("[A-Za-z0-9_-]{43}");
        assertThat(log)
                .anyMatch(line ->
                        line.contains("clients [" + module.getProperties().getProperty("revolut.clientId") + "]"));
    }

    @Test
    void handsTheConsentCodeToTheTokenGoalInMemoryWithoutLoggingIt() throws Exception {
        MavenProject module = module("alpha");
        EmulatorStartMojo mojo = mojo(module, configuredClient());
        mojo.consent = true;

        mojo.execute();

        String code = ConsentCodes.get(mojo.session, module).orElseThrow().reveal();
        assertThat(code).startsWith("oa_sand_");
        assertThat(String.join("\n", log)).doesNotContain(code);
        assertThat(module.getProperties()).doesNotContainKey("revolut.code");
    }

    @Test
    void stopsTheEmulatorAfterTheLastModule() throws Exception {
        MavenProject alpha = module("alpha");
        MavenProject beta = module("beta");
        start(alpha, configuredClient());
        start(beta, configuredClient());
        stop(alpha);

        stop(beta);

        assertThat(log)
                .containsSubsequence(
                        "[info] Revolut emulator left running for the other modules",
                        "[info] Revolut emulator stopped");
    }

    @Test
    void stopsNothingInAModuleThatDidNotStartIt() throws Exception {
        MavenProject module = module("alpha");

        stop(module);

        assertThat(log).contains("[info] No Revolut emulator was started in this module; nothing to stop");
    }

    @Test
    void playsTheConfiguredFaultsAfterTheConsent() throws Exception {
        MavenProject module = module("alpha");
        EmulatorStartMojo mojo = mojo(module, configuredClient());
        mojo.consent = true;
        mojo.faults = List.of(fault("/api/1.0/accounts", 429, "2"));

        mojo.execute();

        HttpResponse<String> response = get(module.getProperties().getProperty("revolut.apiUrl") + "/accounts");
        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("Retry-After")).contains("2");
        assertThat(ConsentCodes.get(mojo.session, module).orElseThrow().reveal())
                .startsWith("oa_sand_");
    }

    @Test
    void refusesAFaultWithoutAPathBeforeStarting() throws Exception {
        MavenProject module = module("alpha");
        EmulatorStartMojo mojo = mojo(module, configuredClient());
        mojo.faults = List.of(fault(null, 503, null));

        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);

        assertThat(e)
                .hasMessage("An emulator <fault> has no <path>: set it to /api/1.0/auth/token,"
                        + " /api/1.0/accounts or /app-confirm.");
        assertThat(module.getProperties()).doesNotContainKey("revolut.apiUrl");
    }

    @Test
    void refusesAFaultOnAPathTheEmulatorDoesNotServe() throws Exception {
        MavenProject module = module("alpha");
        EmulatorStartMojo mojo = mojo(module, configuredClient());
        mojo.faults = List.of(fault("/auth/token", 503, null));

        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);

        assertThat(e).hasMessageStartingWith("Could not stage the emulator <fault>: Faults apply to");
        assertThat(e).hasMessageEndingWith("got path '/auth/token'.");
    }

    @Test
    void aSecondExecutionInTheModuleReusesItsEmulatorSoOneStopStopsIt() throws Exception {
        MavenProject module = module("alpha");
        start(module, configuredClient());
        String apiUrl = module.getProperties().getProperty("revolut.apiUrl");
        EmulatorStartMojo second = mojo(module, configuredClient());
        second.faults = List.of(fault("/api/1.0/accounts", 503, null));
        second.execute();

        stop(module);

        assertThat(module.getProperties().getProperty("revolut.apiUrl")).isEqualTo(apiUrl);
        assertThat(log)
                .contains("[info] Using the Revolut emulator at " + apiUrl.replace("/api/1.0", "") + "; revolut.apiUrl="
                        + apiUrl + "; 1 fault(s) staged")
                .anyMatch(line -> line.startsWith("[info] Revolut emulator stopped"));
    }

    @Test
    void writesTheRequestCountsBeforeStopping() throws Exception {
        MavenProject module = module("alpha");
        start(module, configuredClient());
        get(module.getProperties().getProperty("revolut.apiUrl") + "/accounts");
        Path counts = directory.resolve("target/revolut/emulator-counts.json");

        stop(module, counts);

        assertThat(Files.readString(counts)).isEqualToIgnoringWhitespace("{\"token\":{},\"accounts\":1,\"consent\":0}");
        assertThat(log).contains("[info] Revolut emulator stopped; request counts in " + counts);
    }

    @Test
    void stopsTheEmulatorEvenWhenTheCountsCannotBeWritten() throws Exception {
        MavenProject module = module("alpha");
        start(module, configuredClient());
        Path notAFolder = Files.writeString(directory.resolve("file"), "");

        stop(module, notAFolder.resolve("emulator-counts.json"));

        assertThat(log)
                .anyMatch(line -> line.startsWith("[warn] Could not write the emulator's request counts to "
                        + notAFolder.resolve("emulator-counts.json")))
                .contains("[info] Revolut emulator stopped");
    }

    private static Fault fault(String path, int status, String retryAfter) {
        Fault fault = new Fault();
        fault.path = path;
        fault.status = status;
        fault.retryAfter = retryAfter;
        return fault;
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private MavenProject module(String name) {
        MavenProject module = new MavenProject();
        module.setArtifactId(name);
        module.setFile(directory.resolve(name).resolve("pom.xml").toFile());
        Plugin plugin = new Plugin();
        plugin.setGroupId("dev.fintools");
        plugin.setArtifactId("revolut-maven-plugin");
        PluginExecution execution = new PluginExecution();
        execution.addGoal("emulator-start");
        plugin.addExecution(execution);
        module.getBuild().addPlugin(plugin);
        modules.add(module);
        return module;
    }

    private List<Client> configuredClient() throws IOException {
        Client client = new Client();
        client.clientId = "configured-client";
        client.certificate = certificateFile().toString();
        client.redirectUri = "https://example.com";
        return List.of(client);
    }

    private Path certificateFile() throws IOException {
        Path file = directory.resolve("publiccert.cer");
        if (!Files.exists(file)) {
            Files.writeString(file, EmulatorFixtures.certificate());
        }
        return file;
    }

    private void start(MavenProject module, List<Client> clients) throws Exception {
        mojo(module, clients).execute();
    }

    private EmulatorStartMojo mojo(MavenProject module, List<Client> clients) {
        EmulatorStartMojo mojo = new EmulatorStartMojo();
        mojo.clients = clients;
        mojo.environment = "sandbox";
        mojo.serverId = "revolut";
        mojo.home = directory.resolve("home").toFile();
        mojo.project = module;
        mojo.session = session(module);
        PluginDescriptor plugin = new PluginDescriptor();
        plugin.setGroupId("dev.fintools");
        plugin.setArtifactId("revolut-maven-plugin");
        mojo.plugin = plugin;
        mojo.setLog(capturingLog());
        return mojo;
    }

    private void stop(MavenProject module) throws Exception {
        stop(module, null);
    }

    private void stop(MavenProject module, Path countsFile) throws Exception {
        EmulatorStopMojo mojo = new EmulatorStopMojo();
        mojo.countsFile = countsFile == null ? null : countsFile.toFile();
        mojo.project = module;
        mojo.session = session(module);
        mojo.setLog(capturingLog());
        mojo.execute();
    }

    private MavenSession session(MavenProject module) {
        MavenSession session = mock(MavenSession.class);
        when(session.getRepositorySession()).thenReturn(repositorySession);
        when(session.getProjects()).thenReturn(modules);
        when(session.getCurrentProject()).thenReturn(module);
        when(session.getSystemProperties()).thenReturn(new Properties());
        when(session.getSettings()).thenReturn(new Settings());
        return session;
    }

    private SystemStreamLog capturingLog() {
        return new SystemStreamLog() {
            @Override
            public boolean isDebugEnabled() {
                return true;
            }

            @Override
            public void debug(CharSequence content) {
                record("[debug] " + content);
            }

            @Override
            public void info(CharSequence content) {
                record("[info] " + content);
            }

            @Override
            public void warn(CharSequence content) {
                record("[warn] " + content);
            }
        };
    }

    private void record(String line) {
        synchronized (log) {
            log.add(line);
        }
    }
}
