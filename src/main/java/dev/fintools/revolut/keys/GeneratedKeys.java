package dev.fintools.revolut.keys;

import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateKey;

/**
 * A new private key and its self-signed certificate.
 *
 * @param privateKey the RSA private key, written as PKCS#8 PEM
 * @param certificate the certificate to upload to Revolut
 */
public record GeneratedKeys(RSAPrivateKey privateKey, X509Certificate certificate) {

    @Override
    public String toString() {
        return "GeneratedKeys[" + certificate.getSubjectX500Principal().getName() + "]";
    }
}
