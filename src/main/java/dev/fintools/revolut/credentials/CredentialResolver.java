package dev.fintools.revolut.credentials;

import dev.fintools.revolut.secrets.Secret;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Finds the client ID, private key, passphrase, refresh token and redirect URI in the order every goal uses:
 * environment variables, then the {@code settings.xml} server entry, then non-secret plugin parameters. Secrets are
 * never plugin parameters, because {@code mvn -X} prints every parameter.
 */
public final class CredentialResolver {
    public static final String ENV_CLIENT_ID = "REVOLUT_CLIENT_ID";
    public static final String ENV_PRIVATE_KEY = "REVOLUT_PRIVATE_KEY";
    public static final String ENV_PASSPHRASE = "REVOLUT_PRIVATE_KEY_PASSPHRASE";
    public static final String ENV_REFRESH_TOKEN = "REVOLUT_REFRESH_TOKEN";
    public static final String ENV_REDIRECT_URI = "REVOLUT_REDIRECT_URI";

    private final Map<String, String> environment;
    private final String serverId;
    private final ServerEntry server;
    private final Parameters parameters;
    private final Path baseDirectory;

    /**
     * The non-secret plugin parameters, any of which may be null.
     *
     * @param clientId {@code revolut.clientId}
     * @param redirectUri {@code revolut.redirectUri}
     * @param privateKey {@code revolut.privateKey}, a path
     */
    public record Parameters(String clientId, String redirectUri, String privateKey) {}

    /**
     * @param environment environment variables (as Maven's {@code env.*} properties give them, without the prefix)
     * @param serverId the id of the {@code settings.xml} server looked for
     * @param server that server, decrypted; null when there is none
     * @param parameters the plugin parameters
     * @param baseDirectory what relative key paths are relative to
     */
    public CredentialResolver(
            Map<String, String> environment,
            String serverId,
            ServerEntry server,
            Parameters parameters,
            Path baseDirectory) {
        this.environment = Map.copyOf(environment);
        this.serverId = serverId;
        this.server = server;
        this.parameters = parameters;
        this.baseDirectory = baseDirectory;
    }

    /** The client ID shown in the web app after the certificate upload. */
    public Resolved<String> clientId() {
        return find(ENV_CLIENT_ID, "username", ServerEntry::clientId, "revolut.clientId", parameters.clientId())
                .orElseThrow(() -> missing(
                        "client ID",
                        ENV_CLIENT_ID,
                        "username",
                        "revolut.clientId",
                        "the ClientID shown in the web app after you upload the certificate"));
    }

    /** The OAuth redirect URI registered with the certificate. */
    public Resolved<String> redirectUri() {
        return find(
                        ENV_REDIRECT_URI,
                        "configuration><redirectUri",
                        ServerEntry::redirectUri,
                        "revolut.redirectUri",
                        parameters.redirectUri())
                .orElseThrow(() -> missing(
                        "OAuth redirect URI",
                        ENV_REDIRECT_URI,
                        "configuration><redirectUri",
                        "revolut.redirectUri",
                        "the OAuth redirect URI you registered with the certificate, such as https://example.com"));
    }

    /** Where the private key is, or empty when no source names one. */
    public Optional<Resolved<PrivateKeyReference>> privateKey() {
        return find(
                        ENV_PRIVATE_KEY,
                        "privateKey",
                        ServerEntry::privateKeyPath,
                        "revolut.privateKey",
                        parameters.privateKey())
                .map(found -> new Resolved<>(PrivateKeyReference.parse(found.value(), baseDirectory), found.source()));
    }

    /** The private key's passphrase, or empty for an unencrypted key. */
    public Optional<Resolved<Secret>> passphrase() {
        return findSecret(ENV_PASSPHRASE, "passphrase", ServerEntry::passphrase);
    }

    /** The refresh token, or empty when neither the environment nor settings.xml hold one. */
    public Optional<Resolved<Secret>> refreshToken() {
        return findSecret(ENV_REFRESH_TOKEN, "password", ServerEntry::refreshToken);
    }

    /** The error for a refresh token that is needed but found nowhere. */
    public MissingCredentialException missingRefreshToken() {
        return missing(
                "refresh token",
                ENV_REFRESH_TOKEN,
                "password",
                null,
                "the refreshToken that 'mvn revolut:token' stores after exchanging the code in REVOLUT_CODE,"
                        + " encrypted with"
                        + " 'mvn --encrypt-password'");
    }

    private Optional<Resolved<String>> find(
            String variable,
            String element,
            Function<ServerEntry, String> fromServer,
            String parameter,
            String parameterValue) {
        String fromEnvironment = environment.get(variable);
        if (present(fromEnvironment)) {
            return Optional.of(new Resolved<>(fromEnvironment.trim(), "environment variable " + variable));
        }
        if (server != null && present(fromServer.apply(server))) {
            return Optional.of(new Resolved<>(fromServer.apply(server).trim(), serverElement(element)));
        }
        if (present(parameterValue)) {
            return Optional.of(new Resolved<>(parameterValue.trim(), "plugin parameter " + parameter));
        }
        return Optional.empty();
    }

    private Optional<Resolved<Secret>> findSecret(
            String variable, String element, Function<ServerEntry, Secret> fromServer) {
        Secret fromEnvironment = Secret.ofNullable(environment.get(variable));
        if (fromEnvironment != null) {
            return Optional.of(new Resolved<>(fromEnvironment, "environment variable " + variable));
        }
        if (server != null && fromServer.apply(server) != null) {
            return Optional.of(new Resolved<>(fromServer.apply(server), serverElement(element)));
        }
        return Optional.empty();
    }

    private String serverElement(String element) {
        return "settings.xml <server> '" + serverId + "' <" + element + ">";
    }

    private MissingCredentialException missing(
            String what, String variable, String element, String parameter, String whatItIs) {
        List<String> places = new ArrayList<>();
        places.add("environment variable " + variable + " (not set)");
        places.add(
                server == null
                        ? "settings.xml <server> with <id>" + serverId + "</id> (no such server)"
                        : serverElement(element) + " (not set)");
        if (parameter != null) {
            places.add("plugin parameter " + parameter + " (not set)");
        }
        return new MissingCredentialException("No Revolut " + what + " found. Looked at: " + String.join("; ", places)
                + ". Set one of them to " + whatItIs + ", for example <server><id>" + serverId + "</id>"
                + exampleElement(element) + "</server> in ~/.m2/settings.xml (see docs/configuration.md).");
    }

    private static String exampleElement(String element) {
        if (element.startsWith("configuration><")) {
            String inner = element.substring("configuration><".length());
            return "<configuration><" + inner + ">...</" + inner + "></configuration>";
        }
        return "<" + element + ">...</" + element + ">";
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
