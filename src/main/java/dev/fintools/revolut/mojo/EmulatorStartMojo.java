package dev.fintools.revolut.mojo;

import dev.fintools.revolut.assertion.ConsentUrl;
import dev.fintools.revolut.emulator.EmulatorConfig;
import dev.fintools.revolut.emulator.RevolutEmulator;
import dev.fintools.revolut.secrets.Secret;
import java.io.File;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Starts the built-in Revolut emulator on a loopback port for the integration tests and points the rest of the build
 * at it: sets {@code revolut.apiUrl}, {@code revolut.webAppUrl} and {@code revolut.emulator.url}. In a multi-module
 * build every module shares one emulator, which {@code revolut:emulator-stop} stops after the last module.
 */
@Mojo(name = "emulator-start", defaultPhase = LifecyclePhase.PRE_INTEGRATION_TEST, threadSafe = true)
public class EmulatorStartMojo extends AbstractRevolutMojo {
    static final String GOAL = "emulator-start";
    static final String STARTED_HERE = "revolut.emulator.startedHere";

    /** The loopback port; 0 (the default) picks a free one. Example: {@code -Drevolut.emulator.port=8089}. */
    @Parameter(property = "revolut.emulator.port", defaultValue = "0")
    int port;

    /**
     * Clients to register at start, each with {@code <clientId>} (generated when empty), {@code <certificate>} (a PEM
     * file path or the PEM text) and {@code <redirectUri>}. When none is configured, the plugin's own certificate
     * ({@code revolut.certificate}) is registered with the client ID and redirect URI the other goals resolve, so a
     * build's settings.xml works unchanged against the emulator.
     */
    @Parameter
    List<Client> clients;

    /**
     * A JSON file with the accounts {@code GET /accounts} returns, an array shaped like Revolut's response. Defaults
     * to the two accounts of Revolut's guide. Example: {@code -Drevolut.emulator.accounts=src/it/accounts.json}.
     */
    @Parameter(property = "revolut.emulator.accounts")
    File accounts;

    /**
     * Gives consent at start, as if the user clicked "Authorise", and hands the authorization code to
     * {@code revolut:token} in memory (never logged, never a property that other plugins print). Each module gets its
     * own code. Default {@code false}.
     */
    @Parameter(property = "revolut.emulator.consent", defaultValue = "false")
    boolean consent;

    /**
     * Failures to play instead of the normal answers, staged after the consent of {@code consent} (which they never
     * affect), each with {@code <path>} ({@code /api/1.0/auth/token}, {@code /api/1.0/accounts} or
     * {@code /app-confirm}), {@code <status>}, {@code <times>} (default 1), {@code <retryAfter>}, {@code <body>},
     * {@code <delayMillis>} and {@code <dropConnection>}. Faults on one path are played in the order given. None by
     * default. A second execution of this goal later in the same module reuses the running emulator and only stages
     * its faults (and consent), for example after {@code revolut:token} exchanged the code:
     *
     * <pre>{@code
     * <faults>
     *   <fault>
     *     <path>/api/1.0/auth/token</path>
     *     <status>503</status>
     *     <times>2</times>
     *   </fault>
     * </faults>
     * }</pre>
     */
    @Parameter
    List<Fault> faults;

    /**
     * Makes the emulator rotate refresh tokens: each refresh answers a new refresh token and the one presented stops
     * working. Revolut's documented refresh answers none; use this to test that a build keeps the newest one. Only
     * read when this execution starts the emulator. Default {@code false}.
     */
    @Parameter(property = "revolut.emulator.rotateRefreshTokens", defaultValue = "false")
    boolean rotateRefreshTokens;

    /** This plugin, to find the modules that run this goal. Read-only. */
    @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
    PluginDescriptor plugin;

    /** The module the properties are exported to. Read-only. */
    @Parameter(defaultValue = "${project}", readonly = true)
    MavenProject project;

    @Override
    String goal() {
        return GOAL;
    }

    @Override
    void run() throws MojoExecutionException, MojoFailureException {
        EmulatorConfig config = config();
        List<FaultAt> staged = faults();
        SharedEmulator shared = shared();
        SharedEmulator.Lease lease = leaseForThisModule(shared, config);
        project.setContextValue(STARTED_HERE, Boolean.TRUE);
        export(lease.emulator(), shared.generatedClientId());
        giveConsent(lease.emulator());
        stage(lease.emulator(), staged); // after the consent, which the faults must not affect
        report(lease);
    }

    /**
     * A module's second execution of this goal reuses its lease instead of taking another one, so the one
     * {@code revolut:emulator-stop} of the module still stops the emulator.
     */
    private SharedEmulator.Lease leaseForThisModule(SharedEmulator shared, EmulatorConfig config)
            throws MojoFailureException {
        if (project.getContextValue(STARTED_HERE) != null) {
            var running = shared.running();
            if (running.isPresent()) {
                return new SharedEmulator.Lease(running.get(), false);
            }
        }
        return acquire(shared, config);
    }

    /** A configured fault, checked and converted before the emulator starts. */
    private record FaultAt(String path, dev.fintools.revolut.emulator.Fault fault) {}

    private List<FaultAt> faults() throws MojoFailureException {
        List<FaultAt> converted = new ArrayList<>();
        if (faults == null) {
            return converted;
        }
        for (Fault configured : faults) {
            converted.add(convert(configured));
        }
        return converted;
    }

    private static FaultAt convert(Fault configured) throws MojoFailureException {
        if (configured.path == null || configured.path.isBlank()) {
            throw new MojoFailureException("An emulator <fault> has no <path>: set it to /api/1.0/auth/token,"
                    + " /api/1.0/accounts or /app-confirm.");
        }
        if (configured.status == 0 && !configured.dropConnection && configured.delayMillis == 0) {
            throw new MojoFailureException("The emulator <fault> for " + configured.path + " does nothing: set a"
                    + " <status> (such as 503), <dropConnection>true</dropConnection> or <delayMillis>.");
        }
        try {
            return new FaultAt(
                    configured.path.strip(),
                    new dev.fintools.revolut.emulator.Fault(
                            configured.status,
                            blankToNull(configured.retryAfter),
                            configured.body,
                            Duration.ofMillis(configured.delayMillis),
                            configured.dropConnection,
                            configured.times));
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException(
                    "The emulator <fault> for " + configured.path + " is invalid: " + e.getMessage(), e);
        }
    }

    private void stage(RevolutEmulator emulator, List<FaultAt> staged) throws MojoFailureException {
        for (FaultAt fault : staged) {
            try {
                emulator.fault(fault.path(), fault.fault());
            } catch (IllegalArgumentException e) {
                throw new MojoFailureException("Could not stage the emulator <fault>: " + e.getMessage(), e);
            }
            getLog().debug("Staged emulator fault on " + fault.path() + ": " + fault.fault());
        }
    }

    private SharedEmulator shared() {
        int users = modulesStartingTheEmulator();
        return (SharedEmulator) session.getRepositorySession()
                .getData()
                .computeIfAbsent(SharedEmulator.class, () -> new SharedEmulator(users));
    }

    /** How many modules of the reactor run this goal, so the emulator outlives the early finishers. */
    private int modulesStartingTheEmulator() {
        int count = 0;
        for (MavenProject module : session.getProjects()) {
            if (runsThisGoal(module)) {
                count++;
            }
        }
        return count;
    }

    private boolean runsThisGoal(MavenProject module) {
        for (Plugin candidate : module.getBuildPlugins()) {
            if (plugin.getGroupId().equals(candidate.getGroupId())
                    && plugin.getArtifactId().equals(candidate.getArtifactId())) {
                for (PluginExecution execution : candidate.getExecutions()) {
                    if (execution.getGoals().contains(GOAL)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private SharedEmulator.Lease acquire(SharedEmulator shared, EmulatorConfig config) throws MojoFailureException {
        try {
            return shared.acquire(() -> {
                RevolutEmulator emulator = RevolutEmulator.start(config);
                shared.generatedClientId(generatedClientId(emulator, config));
                return emulator;
            });
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw new MojoFailureException("Could not start the Revolut emulator: " + e.getMessage(), e);
        }
    }

    /** The client ID the emulator generated for a client configured without one, if any. */
    private static String generatedClientId(RevolutEmulator emulator, EmulatorConfig config) {
        boolean anyWithoutId = config.clients().stream().anyMatch(client -> client.clientId() == null);
        return anyWithoutId && emulator.clientIds().size() == 1
                ? emulator.clientIds().get(0)
                : null;
    }

    private EmulatorConfig config() throws MojoFailureException, MojoExecutionException {
        EmulatorConfig.Builder builder = EmulatorConfig.builder()
                .port(port)
                .environment(environment())
                .rotateRefreshTokens(rotateRefreshTokens)
                .log(line -> getLog().debug("[emulator] " + line));
        if (accounts != null) {
            builder.accountsJson(read(accounts.toPath(), "accounts fixture (revolut.emulator.accounts)"));
        }
        if (clients != null && !clients.isEmpty()) {
            for (Client client : clients) {
                builder.client(blankToNull(client.clientId), certificateText(client), client.redirectUri);
            }
        } else {
            OwnCertificate.seed(this, builder);
        }
        return builder.build();
    }

    private String certificateText(Client client) throws MojoFailureException {
        if (client.certificate == null || client.certificate.isBlank()) {
            throw new MojoFailureException("An emulator <client> has no <certificate>: set it to the path of"
                    + " publiccert.cer or to the PEM text.");
        }
        String value = client.certificate.strip();
        if (value.startsWith("-----BEGIN")) {
            return value;
        }
        Path path = Path.of(value);
        return read(path.isAbsolute() ? path : project.getBasedir().toPath().resolve(path), "certificate");
    }

    private static String read(Path file, String what) throws MojoFailureException {
        return OwnCertificate.read(file, what);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private void export(RevolutEmulator emulator, String generatedClientId) {
        Properties properties = project.getProperties();
        properties.setProperty("revolut.apiUrl", emulator.apiUrl().toString());
        properties.setProperty("revolut.webAppUrl", emulator.webAppUrl().toString());
        properties.setProperty("revolut.emulator.url", emulator.url().toString());
        if (generatedClientId != null) {
            properties.setProperty("revolut.clientId", generatedClientId);
        }
        emulator.clientIds().stream()
                .findFirst()
                .ifPresent(
                        client -> properties.setProperty("revolut.emulator.consentUrl", consentUrl(emulator, client)));
    }

    /** The consent page of the first client, as the web app's "Enable access" button opens it. */
    private static String consentUrl(RevolutEmulator emulator, String clientId) {
        return ConsentUrl.build(
                emulator.webAppUrl().toString(), clientId, emulator.redirectUri(clientId), Set.of(), null);
    }

    /** Consent for the first registered client, its code kept in memory for {@code revolut:token}. */
    private void giveConsent(RevolutEmulator emulator) throws MojoFailureException {
        if (!consent) {
            return;
        }
        List<String> clientIds = emulator.clientIds();
        if (clientIds.isEmpty()) {
            throw new MojoFailureException("revolut.emulator.consent=true, but the emulator has no client to consent"
                    + " for. Configure <clients><client> or create the plugin's certificate with"
                    + " 'mvn revolut:keygen'.");
        }
        String clientId = clientIds.get(0);
        Secret code = emulator.approveConsent(clientId, emulator.redirectUri(clientId), null);
        ConsentCodes.put(session, project, code);
        getLog().debug("Consent given for client " + clientId + "; code " + code.masked() + " kept for revolut:token");
    }

    private void report(SharedEmulator.Lease lease) {
        RevolutEmulator emulator = lease.emulator();
        String staged = faults == null || faults.isEmpty() ? "" : "; " + faults.size() + " fault(s) staged";
        if (lease.started()) {
            getLog().info("Revolut emulator started at " + emulator.url() + " ("
                    + emulator.environment().id() + ", clients " + emulator.clientIds() + "); revolut.apiUrl="
                    + emulator.apiUrl() + staged);
        } else {
            getLog().info("Using the Revolut emulator at " + emulator.url() + "; revolut.apiUrl=" + emulator.apiUrl()
                    + staged);
        }
    }
}
