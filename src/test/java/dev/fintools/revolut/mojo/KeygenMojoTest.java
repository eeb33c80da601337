package dev.fintools.revolut.mojo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.fintools.revolut.keys.TestKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@MojoTest
class KeygenMojoTest {
    @TempDir
    Path home;

    private final CapturingLog log = new CapturingLog();

    @Test
    @InjectMojo(goal = "keygen")
    void writesTheKeyAndCertificateIntoTheEnvironmentsFolder(KeygenMojo mojo) throws Exception {
        prepare(mojo);

        mojo.execute();

        assertThat(home.resolve("sandbox/privatecert.pem").toFile())
                .content()
                .startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(home.resolve("sandbox/publiccert.cer").toFile()).content().startsWith("-----BEGIN CERTIFICATE-----");
    }

    @Test
    @InjectMojo(goal = "keygen")
    void printsTheCertificateItsFingerprintAndWhereToUploadIt(KeygenMojo mojo) throws Exception {
        prepare(mojo);
        mojo.environment = "production";

        mojo.execute();

        String certificate = Files.readString(home.resolve("production/publiccert.cer"));
        assertThat(log.text())
                .contains("Created a 2048-bit RSA key and a certificate for production")
                .contains("valid:        2026-12-03T10:00:00Z to 2031-12-02T10:00:00Z")
                .contains(certificate)
                .contains("Next: open https://business.revolut.com/settings/apis?tab=business-api")
                .containsPattern("SHA-256: +([0-9A-F]{2}:){31}[0-9A-F]{2}");
    }

    @Test
    @InjectMojo(goal = "keygen")
    void neverLogsThePrivateKey(KeygenMojo mojo) throws Exception {
        prepare(mojo);

        mojo.execute();

        for (String line : Files.readAllLines(home.resolve("sandbox/privatecert.pem"))) {
            if (!line.startsWith("-----")) {
                assertThat(log.text()).doesNotContain(line);
            }
        }
    }

    @Test
    @InjectMojo(goal = "keygen")
    void refusesToOverwriteAnExistingKey(KeygenMojo mojo) throws Exception {
        prepare(mojo);
        Path key = Files.writeString(
                Files.createDirectories(home.resolve("sandbox")).resolve("privatecert.pem"), "old");

        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);

        assertThat(e).hasMessageStartingWith("Refusing to overwrite " + key + ": it already exists");
        assertThat(key).hasContent("old");
        assertThat(home.resolve("sandbox/publiccert.cer")).doesNotExist();
    }

    @Test
    @InjectMojo(goal = "keygen")
    void replacesAnExistingKeyWhenOverwriteIsSet(KeygenMojo mojo) throws Exception {
        prepare(mojo);
        mojo.overwrite = true;
        Path key = Files.writeString(
                Files.createDirectories(home.resolve("sandbox")).resolve("privatecert.pem"), "old");

        mojo.execute();

        assertThat(key.toFile()).content().startsWith("-----BEGIN PRIVATE KEY-----");
    }

    @Test
    @InjectMojo(goal = "keygen")
    void refusesAKeySizeUnder2048Bits(KeygenMojo mojo) {
        prepare(mojo);
        mojo.keySize = 1024;

        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);

        assertThat(e).hasMessageStartingWith("Refusing an RSA key size of 1024 bits");
        assertThat(home.resolve("sandbox")).doesNotExist();
    }

    @Test
    @InjectMojo(goal = "keygen")
    void hasTheDocumentedDefaults(KeygenMojo mojo) {
        assertThat(mojo.keySize).isEqualTo(2048);
        assertThat(mojo.validityDays).isEqualTo(1825);
        assertThat(mojo.subject).isEqualTo("CN=Revolut Business API client");
        assertThat(mojo.overwrite).isFalse();
        assertThat(mojo.environment).isEqualTo("sandbox");
    }

    private void prepare(KeygenMojo mojo) {
        mojo.home = home.toFile();
        mojo.clock = TestKeys.CLOCK;
        mojo.setLog(log);
    }
}
