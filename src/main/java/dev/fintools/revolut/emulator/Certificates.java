package dev.fintools.revolut.emulator;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;

/** Checks a certificate upload the way the web app's "X509 public key" field does and returns its public key. */
final class Certificates {
    static final int MIN_RSA_BITS = 2048;
    private static final String BEGIN = "-----BEGIN CERTIFICATE-----";
    private static final String END = "-----END CERTIFICATE-----";

    private Certificates() {}

    /**
     * @throws CertificateRejectedException saying why and what to upload instead
     */
    static RSAPublicKey publicKey(String pem) {
        String text = pem == null ? "" : pem.strip();
        rejectKeys(text);
        if (!text.startsWith(BEGIN) || !text.endsWith(END)) {
            throw new CertificateRejectedException("Invalid public key: the upload must be the whole X.509"
                    + " certificate, including the " + BEGIN + " and " + END + " lines. Paste the entire contents"
                    + " of publiccert.cer.");
        }
        return rsaKey(parse(text));
    }

    private static void rejectKeys(String text) {
        if (text.contains("PRIVATE KEY-----")) {
            throw new CertificateRejectedException("Invalid public key: this is a private key. Never upload or share"
                    + " it; upload the X.509 certificate made from it (publiccert.cer, from 'openssl req -new -x509"
                    + " -key privatecert.pem -out publiccert.cer -days 1825').");
        }
        if (text.contains("PUBLIC KEY-----")) {
            throw new CertificateRejectedException("Invalid public key: this is a bare public key, not an X.509"
                    + " certificate. Create the certificate with 'openssl req -new -x509 -key privatecert.pem"
                    + " -out publiccert.cer -days 1825' and upload publiccert.cer.");
        }
    }

    private static X509Certificate parse(String text) {
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            return (X509Certificate)
                    factory.generateCertificate(new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)));
        } catch (CertificateException | RuntimeException e) {
            throw new CertificateRejectedException(
                    "Invalid public key: the text between the BEGIN and END CERTIFICATE lines is not an X.509"
                            + " certificate (" + e.getMessage() + "). Paste publiccert.cer unchanged.",
                    e);
        }
    }

    private static RSAPublicKey rsaKey(X509Certificate certificate) {
        PublicKey key = certificate.getPublicKey();
        if (!(key instanceof RSAPublicKey rsa)) {
            throw new CertificateRejectedException("Invalid public key: the certificate holds a " + key.getAlgorithm()
                    + " key; Revolut signs client assertions with RS256, which needs an RSA key. Create one with"
                    + " 'openssl genrsa -out privatecert.pem 2048'.");
        }
        int bits = rsa.getModulus().bitLength();
        if (bits < MIN_RSA_BITS) {
            throw new CertificateRejectedException("Invalid public key: the certificate's RSA key has " + bits
                    + " bits; at least " + MIN_RSA_BITS + " are required. Create a new key with 'openssl genrsa"
                    + " -out privatecert.pem 2048'.");
        }
        return rsa;
    }
}
