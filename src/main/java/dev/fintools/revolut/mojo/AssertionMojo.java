package dev.fintools.revolut.mojo;

import dev.fintools.revolut.assertion.AssertionException;
import dev.fintools.revolut.assertion.AssertionTtl;
import dev.fintools.revolut.assertion.ClientAssertion;
import dev.fintools.revolut.assertion.ConsentUrl;
import dev.fintools.revolut.assertion.Scope;
import dev.fintools.revolut.assertion.States;
import dev.fintools.revolut.credentials.CredentialResolver;
import dev.fintools.revolut.credentials.MissingCredentialException;
import dev.fintools.revolut.credentials.PrivateKeyReference;
import dev.fintools.revolut.credentials.Resolved;
import dev.fintools.revolut.keys.Certificates;
import dev.fintools.revolut.keys.KeyMaterialException;
import dev.fintools.revolut.keys.PrivateKeys;
import dev.fintools.revolut.keys.SafeFiles;
import dev.fintools.revolut.secrets.Secret;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Signs the client-assertion JWT of Revolut's "Generate a client assertion" step, checks it against the certificate,
 * writes it to a file readable by its owner only, and prints the consent URL of the next step.
 */
@Mojo(name = "assertion", requiresProject = false, threadSafe = true)
public class AssertionMojo extends AbstractRevolutMojo {
    static final String ASSERTION_FILE_NAME = "client_assertion.txt";

    /**
     * How long the assertion is valid: a number with a unit ({@code 90s}, {@code 10m}, {@code 2h}, {@code 7d}) or an
     * ISO-8601 duration ({@code PT10M}). Default {@code 10m}; at most {@code 90d}.
     */
    @Parameter(property = "revolut.assertionTtl", defaultValue = "10m")
    String assertionTtl;

    /**
     * Where the assertion JWT is written (owner-only). Default {@code client_assertion.txt} beside the private key,
     * or in {@code ${revolut.home}/<environment>/} when the key is given as PEM text.
     */
    @Parameter(property = "revolut.assertionFile")
    File assertionFile;

    /**
     * The scopes the consent URL asks for, comma-separated: {@code READ}, {@code WRITE}, {@code PAY},
     * {@code READ_SENSITIVE_CARD_DATA}; case does not matter. Default: none, which leaves the scope to the
     * certificate's settings.
     */
    @Parameter(property = "revolut.scope")
    String scope;

    /** The {@code state} of the consent URL, returned next to the code. Default: a new random value. */
    @Parameter(property = "revolut.state")
    String state;

    Clock clock = Clock.systemUTC();
    SecureRandom random = new SecureRandom();

    @Override
    String goal() {
        return "assertion";
    }

    @Override
    void run() throws MojoFailureException, MojoExecutionException {
        try {
            sign();
        } catch (KeyMaterialException | AssertionException | MissingCredentialException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
    }

    private void sign() throws MojoFailureException, MojoExecutionException {
        String consentBase = webAppUrl();
        Duration ttl = AssertionTtl.parse(assertionTtl);
        Set<Scope> scopes = Scope.parseList(scope);
        CredentialResolver credentials = credentials();
        Resolved<String> clientId = credentials.clientId();
        Resolved<String> redirectUri = credentials.redirectUri();
        Resolved<PrivateKeyReference> key = privateKey(credentials);
        Optional<Resolved<Secret>> passphrase = credentials.passphrase();

        RSAPrivateKey privateKey =
                PrivateKeys.load(key.value(), passphrase.map(Resolved::value).orElse(null));
        Secret assertion = ClientAssertion.sign(privateKey, clientId.value(), redirectUri.value(), ttl, clock);
        String checked = checkAgainstCertificate(assertion);
        Path file = assertionPath(key.value());
        SafeFiles.write(List.of(new SafeFiles.Content(file, assertion.reveal(), true)), true);

        String consentUrl = ConsentUrl.build(
                consentBase,
                clientId.value(),
                redirectUri.value(),
                scopes,
                state != null ? state : States.random(random));
        getLog().info(report(clientId, redirectUri, key, passphrase, checked, file, ttl, consentUrl));
    }

    private static Resolved<PrivateKeyReference> privateKey(CredentialResolver credentials) {
        return credentials
                .privateKey()
                .orElseThrow(() -> new KeyMaterialException("No private key configured. Create one with 'mvn"
                        + " revolut:keygen', or set revolut.privateKey, REVOLUT_PRIVATE_KEY or the settings.xml"
                        + " <privateKey>."));
    }

    /** Verifies like jwt.io would with the uploaded certificate; returns what was checked, for the report. */
    private String checkAgainstCertificate(Secret assertion) throws MojoFailureException {
        Path certificatePath = certificatePath();
        if (certificate == null && !Files.exists(certificatePath)) {
            getLog().debug("No certificate at " + certificatePath + "; the signature was not checked against it");
            return "not checked (no certificate at " + certificatePath + ")";
        }
        ClientAssertion.verify(assertion, Certificates.read(certificatePath), clock);
        return "signature verified with " + certificatePath;
    }

    private Path assertionPath(PrivateKeyReference key) throws MojoFailureException {
        if (assertionFile != null) {
            return assertionFile.toPath();
        }
        if (key instanceof PrivateKeyReference.File file && file.path().getParent() != null) {
            return file.path().getParent().resolve(ASSERTION_FILE_NAME);
        }
        return environmentHome().resolve(ASSERTION_FILE_NAME);
    }

    private String report(
            Resolved<String> clientId,
            Resolved<String> redirectUri,
            Resolved<PrivateKeyReference> key,
            Optional<Resolved<Secret>> passphrase,
            String checked,
            Path file,
            Duration ttl,
            String consentUrl) {
        return "Client assertion written to " + file + " (readable by you only; never share it)"
                + "\n  expires:      " + ClientAssertion.expiresAt(ttl, clock) + " (revolut.assertionTtl=" + ttl + ")"
                + "\n  certificate:  " + checked
                + "\n  client ID:    from " + clientId.source()
                + "\n  redirect URI: from " + redirectUri.source()
                + "\n  private key:  " + keyDescription(key)
                + "\n  passphrase:   "
                + passphrase.map(found -> "from " + found.source()).orElse("none (unencrypted key)")
                + "\nNext: open this URL, approve the application, and copy the 'code' parameter from the page it"
                + " redirects to (it is valid for 2 minutes):\n  " + consentUrl;
    }

    private static String keyDescription(Resolved<PrivateKeyReference> key) {
        String where = key.value() instanceof PrivateKeyReference.File file
                ? file.path().toString()
                : "PEM text";
        return where + " (from " + key.source() + ")";
    }
}
