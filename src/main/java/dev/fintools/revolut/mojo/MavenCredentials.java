package dev.fintools.revolut.mojo;

import dev.fintools.revolut.credentials.CredentialResolver;
import dev.fintools.revolut.credentials.ServerEntry;
import dev.fintools.revolut.secrets.Secret;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/** Adapts Maven's session and settings to the Maven-free {@link CredentialResolver}. */
final class MavenCredentials {
    private static final String ENV_PREFIX = "env.";

    private final MavenSession session;
    private final SettingsDecrypter decrypter;
    private final Log log;

    MavenCredentials(MavenSession session, SettingsDecrypter decrypter, Log log) {
        this.session = session;
        this.decrypter = decrypter;
        this.log = log;
    }

    CredentialResolver resolver(String serverId, CredentialResolver.Parameters parameters) throws MojoFailureException {
        return new CredentialResolver(environmentVariables(), serverId, server(serverId), parameters, baseDirectory());
    }

    /** Environment variables as Maven gives them ({@code env.*} system properties), so tests can inject them. */
    Map<String, String> environmentVariables() {
        Map<String, String> variables = new HashMap<>();
        Properties properties = session.getSystemProperties();
        if (properties != null) {
            for (String name : properties.stringPropertyNames()) {
                if (name.startsWith(ENV_PREFIX)) {
                    variables.put(name.substring(ENV_PREFIX.length()), properties.getProperty(name));
                }
            }
        }
        return variables;
    }

    private ServerEntry server(String serverId) throws MojoFailureException {
        Server server =
                session.getSettings() == null ? null : session.getSettings().getServer(serverId);
        if (server == null) {
            log.debug("No <server> with id '" + serverId + "' in settings.xml");
            return null;
        }
        Server decrypted = decrypt(server);
        return new ServerEntry(
                serverId,
                decrypted.getUsername(),
                Secret.ofNullable(decrypted.getPassword()),
                decrypted.getPrivateKey(),
                Secret.ofNullable(decrypted.getPassphrase()),
                redirectUri(decrypted));
    }

    private Server decrypt(Server server) throws MojoFailureException {
        SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
        List<SettingsProblem> problems = result.getProblems();
        for (SettingsProblem problem : problems) {
            if (problem.getSeverity() != SettingsProblem.Severity.WARNING) {
                // The problem's own message is Maven's; it names the server and never the encrypted value.
                throw new MojoFailureException(
                        "Could not decrypt the settings.xml <server> '" + server.getId() + "': "
                                + problem.getMessage()
                                + ". Check ~/.m2/settings-security.xml (see 'mvn --encrypt-master-password'"
                                + " in Maven's password encryption guide).",
                        problem.getException());
            }
            log.warn(problem.getMessage());
        }
        return result.getServer();
    }

    private static String redirectUri(Server server) {
        if (server.getConfiguration() instanceof Xpp3Dom configuration) {
            Xpp3Dom child = configuration.getChild("redirectUri");
            return child == null ? null : child.getValue();
        }
        return null;
    }

    private Path baseDirectory() {
        return session.getCurrentProject() != null
                        && session.getCurrentProject().getBasedir() != null
                ? session.getCurrentProject().getBasedir().toPath()
                : Path.of(
                        session.getRequest().getBaseDirectory() == null
                                ? "."
                                : session.getRequest().getBaseDirectory());
    }
}
