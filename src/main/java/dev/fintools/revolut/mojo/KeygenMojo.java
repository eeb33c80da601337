package dev.fintools.revolut.mojo;

import dev.fintools.revolut.config.Environment;
import dev.fintools.revolut.keys.Certificates;
import dev.fintools.revolut.keys.GeneratedKeys;
import dev.fintools.revolut.keys.KeyGenerator;
import dev.fintools.revolut.keys.KeyMaterialException;
import dev.fintools.revolut.keys.PemEncoding;
import dev.fintools.revolut.keys.SafeFiles;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Creates the RSA private key ({@code privatecert.pem}) and the self-signed X.509 certificate ({@code publiccert.cer})
 * of Revolut's "Add your certificate" step, and says where to upload the certificate. Runs without a project:
 * {@code mvn dev.fintools:revolut-maven-plugin:keygen} in any folder.
 */
@Mojo(name = "keygen", requiresProject = false, threadSafe = true)
public class KeygenMojo extends AbstractRevolutMojo {

    /** The RSA key size in bits: {@code 2048} (default), {@code 3072} or {@code 4096}. Smaller keys are refused. */
    @Parameter(property = "revolut.keySize", defaultValue = "2048")
    int keySize;

    /** How many days the certificate is valid from now. Default {@code 1825} (five years, as in Revolut's guide). */
    @Parameter(property = "revolut.validityDays", defaultValue = "1825")
    int validityDays;

    /**
     * The certificate's subject, comma-separated, such as {@code C=GB,O=Acme Ltd,CN=payments}. Default
     * {@code CN=Revolut Business API client}. At least one field is required.
     */
    @Parameter(property = "revolut.subject", defaultValue = KeyGenerator.DEFAULT_SUBJECT)
    String subject;

    /**
     * Replaces an existing key and certificate. Default {@code false}: a certificate already uploaded to Revolut stops
     * working when its key is replaced.
     */
    @Parameter(property = "revolut.overwrite", defaultValue = "false")
    boolean overwrite;

    Clock clock = Clock.systemUTC();
    SecureRandom random = new SecureRandom();

    @Override
    String goal() {
        return "keygen";
    }

    @Override
    void run() throws MojoFailureException {
        Environment environment = environment();
        Path keyPath = privateKeyPath();
        Path certificatePath = certificatePath();
        try {
            GeneratedKeys keys = new KeyGenerator(random).generate(keySize, subject, validityDays, clock);
            SafeFiles.write(
                    List.of(
                            new SafeFiles.Content(keyPath, PemEncoding.privateKey(keys), true),
                            new SafeFiles.Content(certificatePath, PemEncoding.certificate(keys.certificate()), false)),
                    overwrite);
            getLog().info(report(environment, keyPath, certificatePath, keys.certificate()));
        } catch (KeyMaterialException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
    }

    private String report(Environment environment, Path keyPath, Path certificatePath, X509Certificate certificate) {
        return "Created a " + keySize + "-bit RSA key and a certificate for " + environment.id() + ":"
                + "\n  private key:  " + keyPath + " (readable by you only; never share or commit it)"
                + "\n  certificate:  " + certificatePath
                + "\n  subject:      " + certificate.getSubjectX500Principal().getName()
                + "\n  valid:        " + certificate.getNotBefore().toInstant() + " to "
                + certificate.getNotAfter().toInstant()
                + "\n  SHA-256:      " + Certificates.sha256Fingerprint(certificate)
                + "\nCertificate to paste into the 'X509 public key' field:\n"
                + PemEncoding.certificate(certificate)
                + "Next: open " + environment.certificateSettingsUrl() + ", add an API certificate, paste the"
                + " certificate above and enter your OAuth redirect URI. Keep the ClientID it shows: put it in"
                + " ~/.m2/settings.xml (<server><id>" + serverId + "</id><username>CLIENT_ID</username>) or"
                + " REVOLUT_CLIENT_ID, then run 'mvn revolut:assertion'.";
    }
}
