package dev.fintools.revolut.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertificatesTest {
    @TempDir
    Path folder;

    @Test
    void readsThePemCertificateThatKeygenWrites() throws Exception {
        X509Certificate written = TestKeys.generated().certificate();
        Path file = Files.writeString(folder.resolve("publiccert.cer"), PemEncoding.certificate(written));

        assertThat(Certificates.read(file)).isEqualTo(written);
    }

    @Test
    void reportsAMissingCertificateAndHowToCreateOne() {
        Path missing = folder.resolve("publiccert.cer");

        KeyMaterialException e = assertThrows(KeyMaterialException.class, () -> Certificates.read(missing));

        assertThat(e).hasMessageStartingWith("The certificate file " + missing + " does not exist.");
    }

    @Test
    void refusesAFileThatIsNotACertificate() throws Exception {
        Path file = Files.writeString(folder.resolve("publiccert.cer"), "not a certificate");

        KeyMaterialException e = assertThrows(KeyMaterialException.class, () -> Certificates.read(file));

        assertThat(e).hasMessageStartingWith("The certificate file " + file + " is not a PEM X.509 certificate");
    }

    @Test
    void formatsTheFingerprintAsOpensslDoes() {
        String fingerprint = Certificates.sha256Fingerprint(TestKeys.generated().certificate());

        assertThat(fingerprint).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
    }
}
