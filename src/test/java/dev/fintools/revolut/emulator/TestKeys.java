package dev.fintools.revolut.emulator;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Key pairs and self-signed certificates for tests, made once per JVM: RSA key generation is slow. */
final class TestKeys {
    static final KeyPair RSA = generate("RSA", 2048);
    static final KeyPair OTHER_RSA = generate("RSA", 2048);
    static final String CERTIFICATE = certificate(RSA, "SHA256withRSA");

    private TestKeys() {}

    static KeyPair generate(String algorithm, int size) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            generator.initialize(size);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String certificate(KeyPair keys, String signatureAlgorithm) {
        Instant now = Instant.now();
        X500Name name = new X500Name("C=GB");
        try {
            X509CertificateHolder holder = new JcaX509v3CertificateBuilder(
                            name,
                            BigInteger.ONE,
                            Date.from(now.minus(1, ChronoUnit.DAYS)),
                            Date.from(now.plus(1825, ChronoUnit.DAYS)),
                            name,
                            keys.getPublic())
                    .build(new JcaContentSignerBuilder(signatureAlgorithm).build(keys.getPrivate()));
            return pem(holder);
        } catch (OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    static String pem(Object object) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(object);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }
}
