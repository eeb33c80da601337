package dev.fintools.revolut.keys;

import java.io.IOException;
import java.io.StringWriter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.util.io.pem.PemObjectGenerator;

/**
 * Writes keys and certificates as PEM. The private key is unencrypted PKCS#8 ({@code BEGIN PRIVATE KEY}) so that the
 * goals that only sign load it with the JDK alone.
 */
public final class PemEncoding {
    private PemEncoding() {}

    /** The private key as PKCS#8 PEM; the result is key material, to be written to a file and never logged. */
    public static String privateKey(GeneratedKeys keys) {
        try {
            return write(new JcaPKCS8Generator(keys.privateKey(), null));
        } catch (IOException e) {
            throw new KeyMaterialException("Could not encode the private key as PEM: " + e.getMessage(), e);
        }
    }

    /** The certificate as PEM, as pasted into the web app's "X509 public key" field. */
    public static String certificate(java.security.cert.X509Certificate certificate) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(certificate);
        } catch (IOException e) {
            throw new KeyMaterialException("Could not encode the certificate as PEM: " + e.getMessage(), e);
        }
        return text.toString();
    }

    private static String write(PemObjectGenerator generator) throws IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(generator);
        }
        return text.toString();
    }
}
