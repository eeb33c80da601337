package dev.fintools.revolut.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.SecureRandom;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class KeyGeneratorTest {
    private final KeyGenerator generator = new KeyGenerator(new SecureRandom());

    @Test
    void generatesA2048BitKeyWithASelfSignedSha256WithRsaCertificate() throws Exception {
        GeneratedKeys keys = generator.generate(2048, "C=GB,O=Acme Ltd,CN=payments", 1825, TestKeys.CLOCK);

        assertThat(keys.privateKey().getModulus().bitLength()).isEqualTo(2048);
        // sha256WithRSAEncryption (RFC 4055), whichever provider's spelling of the name the certificate reports
        assertThat(keys.certificate().getSigAlgOID()).isEqualTo("1.2.840.113549.1.1.11");
        assertThat(((RSAPublicKey) keys.certificate().getPublicKey()).getModulus())
                .isEqualTo(keys.privateKey().getModulus());
        keys.certificate().verify(keys.certificate().getPublicKey());
    }

    @Test
    void usesTheSubjectForSubjectAndIssuer() {
        GeneratedKeys keys = generator.generate(2048, "C=GB,O=Acme Ltd,CN=payments", 1825, TestKeys.CLOCK);

        assertThat(keys.certificate().getSubjectX500Principal().getName()).isEqualTo("CN=payments,O=Acme Ltd,C=GB");
        assertThat(keys.certificate().getIssuerX500Principal())
                .isEqualTo(keys.certificate().getSubjectX500Principal());
    }

    @Test
    void makesTheCertificateValidForTheGivenDaysFromTheClock() {
        GeneratedKeys keys = generator.generate(2048, KeyGenerator.DEFAULT_SUBJECT, 1825, TestKeys.CLOCK);

        assertThat(keys.certificate().getNotBefore().toInstant()).isEqualTo(TestKeys.CLOCK.instant());
        assertThat(keys.certificate().getNotAfter().toInstant())
                .isEqualTo(TestKeys.CLOCK.instant().plus(Duration.ofDays(1825)));
    }

    @Test
    void refusesAKeyShorterThan2048Bits() {
        KeyMaterialException e = assertThrows(
                KeyMaterialException.class,
                () -> generator.generate(1024, KeyGenerator.DEFAULT_SUBJECT, 1825, TestKeys.CLOCK));

        assertThat(e)
                .hasMessage("Refusing an RSA key size of 1024 bits: expected 2048, 3072 or 4096 (keys under 2048 bits"
                        + " are too weak for RS256). Set revolut.keySize to one of them, or leave it out for 2048.");
    }

    @Test
    void refusesASubjectWithoutAnyField() {
        KeyMaterialException e =
                assertThrows(KeyMaterialException.class, () -> generator.generate(2048, " ", 1825, TestKeys.CLOCK));

        assertThat(e).hasMessageStartingWith("Refusing an empty certificate subject: at least one field is required");
    }

    @Test
    void showsTheExpectedFormForAMalformedSubject() {
        KeyMaterialException e = assertThrows(
                KeyMaterialException.class, () -> generator.generate(2048, "Acme Ltd", 1825, TestKeys.CLOCK));

        assertThat(e)
                .hasMessageStartingWith("Cannot read the certificate subject 'Acme Ltd'")
                .hasMessageContaining("expected comma-separated fields such as 'C=GB,O=Acme Ltd,CN=payments'");
    }

    @Test
    void refusesAValidityOfZeroDays() {
        KeyMaterialException e = assertThrows(
                KeyMaterialException.class,
                () -> generator.generate(2048, KeyGenerator.DEFAULT_SUBJECT, 0, TestKeys.CLOCK));

        assertThat(e).hasMessageStartingWith("Refusing a certificate validity of 0 days: expected 1 to 3650 days.");
    }

    @Test
    void writesThePrivateKeyAsUnencryptedPkcs8() {
        GeneratedKeys keys = TestKeys.generated();

        String pem = PemEncoding.privateKey(keys);

        assertThat(pem).startsWith("-----BEGIN PRIVATE KEY-----").contains("-----END PRIVATE KEY-----");
    }
}
