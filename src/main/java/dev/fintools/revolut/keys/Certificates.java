package dev.fintools.revolut.keys;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;

/** Reads and describes the X.509 certificate uploaded to Revolut, with the JDK alone. */
public final class Certificates {
    private Certificates() {}

    /**
     * Reads a PEM (or DER) X.509 certificate.
     *
     * @throws KeyMaterialException when the file is missing or not a certificate
     */
    public static X509Certificate read(Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (NoSuchFileException e) {
            throw new KeyMaterialException(
                    "The certificate file " + path + " does not exist. Create the key and certificate with"
                            + " 'mvn revolut:keygen', or set revolut.certificate to your publiccert.cer.",
                    e);
        } catch (IOException | CertificateException e) {
            throw new KeyMaterialException(
                    "The certificate file " + path + " is not a PEM X.509 certificate (" + e.getMessage() + ")."
                            + " Expected '-----BEGIN CERTIFICATE-----' as written by 'mvn revolut:keygen' or"
                            + " 'openssl req -new -x509'.",
                    e);
        }
    }

    /** The SHA-256 fingerprint as {@code openssl x509 -fingerprint -sha256} shows it: {@code AB:CD:...}. */
    public static String sha256Fingerprint(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(encoded(certificate));
            return HexFormat.ofDelimiter(":").formatHex(digest).toUpperCase(Locale.ROOT);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }

    private static byte[] encoded(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new KeyMaterialException("Could not encode the certificate: " + e.getMessage(), e);
        }
    }
}
