package dev.fintools.revolut.keys;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Set;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Creates what Revolut's guide makes with {@code openssl genrsa} and {@code openssl req -new -x509}: an RSA key and a
 * self-signed certificate signed with SHA256withRSA.
 */
public final class KeyGenerator {
    public static final int DEFAULT_KEY_SIZE_BITS = 2048;
    public static final int DEFAULT_VALIDITY_DAYS = 1825;
    public static final String DEFAULT_SUBJECT = "CN=Revolut Business API client";
    public static final Set<Integer> ALLOWED_KEY_SIZES_BITS = Set.of(2048, 3072, 4096);

    private static final int SERIAL_NUMBER_BITS = 127;
    private static final int MAX_VALIDITY_DAYS = 3650;

    private final SecureRandom random;

    public KeyGenerator(SecureRandom random) {
        this.random = random;
    }

    /**
     * Generates a key and certificate.
     *
     * @param keySizeBits 2048, 3072 or 4096
     * @param subject the certificate's distinguished name, such as {@code C=GB,O=Acme Ltd,CN=payments}
     * @param validityDays how long the certificate is valid, from now
     * @param clock the time the certificate's validity starts
     * @throws KeyMaterialException for a refused key size, subject or validity
     */
    public GeneratedKeys generate(int keySizeBits, String subject, int validityDays, Clock clock) {
        checkKeySize(keySizeBits);
        checkValidity(validityDays);
        X500Name name = Subjects.parse(subject);
        KeyPair pair = keyPair(keySizeBits);
        Instant notBefore = clock.instant();
        Instant notAfter = notBefore.plus(Duration.ofDays(validityDays));
        return new GeneratedKeys((RSAPrivateKey) pair.getPrivate(), certificate(pair, name, notBefore, notAfter));
    }

    static void checkKeySize(int keySizeBits) {
        if (!ALLOWED_KEY_SIZES_BITS.contains(keySizeBits)) {
            throw new KeyMaterialException("Refusing an RSA key size of " + keySizeBits + " bits: expected 2048, 3072"
                    + " or 4096 (keys under 2048 bits are too weak for RS256). Set revolut.keySize to one of them,"
                    + " or leave it out for 2048.");
        }
    }

    private static void checkValidity(int validityDays) {
        if (validityDays < 1 || validityDays > MAX_VALIDITY_DAYS) {
            throw new KeyMaterialException("Refusing a certificate validity of " + validityDays + " days: expected 1"
                    + " to " + MAX_VALIDITY_DAYS + " days. Set revolut.validityDays, or leave it out for "
                    + DEFAULT_VALIDITY_DAYS + " days as in Revolut's guide.");
        }
    }

    private KeyPair keyPair(int keySizeBits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(keySizeBits, random);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every JDK generates RSA keys", e);
        }
    }

    private X509Certificate certificate(KeyPair pair, X500Name subject, Instant notBefore, Instant notAfter) {
        // BouncyCastle builds the certificate's structure only; the JDK's own providers sign it (SHA256withRSA) and
        // parse the result, so no BouncyCastle provider is created, let alone registered.
        try {
            ContentSigner signer = new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate());
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                    subject,
                    new BigInteger(SERIAL_NUMBER_BITS, random),
                    Date.from(notBefore),
                    Date.from(notAfter),
                    subject,
                    pair.getPublic());
            return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
        } catch (OperatorCreationException | GeneralSecurityException e) {
            throw new KeyMaterialException("Could not sign the certificate: " + e.getMessage(), e);
        }
    }
}
