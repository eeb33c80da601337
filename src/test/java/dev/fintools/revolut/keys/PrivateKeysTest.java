package dev.fintools.revolut.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.fintools.revolut.credentials.PrivateKeyReference;
import dev.fintools.revolut.secrets.Secret;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateKey;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivateKeysTest {
    private static KeyPair rsa;

    @TempDir
    Path folder;

    @BeforeAll
    static void createKey() {
        rsa = TestKeys.pair("RSA", 2048);
    }

    @Test
    void loadsAnUnencryptedPkcs8KeyFromAFile() throws Exception {
        Path file = write(TestKeys.pkcs8(rsa.getPrivate()));

        RSAPrivateKey key = PrivateKeys.load(new PrivateKeyReference.File(file), null);

        assertThat(key.getEncoded()).isEqualTo(rsa.getPrivate().getEncoded());
    }

    @Test
    void loadsAKeyGivenAsPemText() {
        PrivateKeyReference reference = new PrivateKeyReference.Pem(Secret.of(TestKeys.pkcs8(rsa.getPrivate())));

        RSAPrivateKey key = PrivateKeys.load(reference, null);

        assertThat(key.getEncoded()).isEqualTo(rsa.getPrivate().getEncoded());
    }

    @Test
    void loadsAPkcs1Key() throws Exception {
        Path file = write(TestKeys.pkcs1(rsa));

        RSAPrivateKey key = PrivateKeys.load(new PrivateKeyReference.File(file), null);

        assertThat(key.getModulus()).isEqualTo(((RSAPrivateKey) rsa.getPrivate()).getModulus());
    }

    @Test
    void loadsAnEncryptedPkcs1KeyWithItsPassphrase() throws Exception {
        Path file = write(TestKeys.encryptedPkcs1(rsa, TestKeys.PASSPHRASE));

        RSAPrivateKey key = PrivateKeys.load(new PrivateKeyReference.File(file), Secret.of(TestKeys.PASSPHRASE));

        assertThat(key.getModulus()).isEqualTo(((RSAPrivateKey) rsa.getPrivate()).getModulus());
    }

    @Test
    void loadsAnEncryptedPkcs8KeyWithItsPassphrase() throws Exception {
        Path file = write(TestKeys.encryptedPkcs8(rsa.getPrivate(), TestKeys.PASSPHRASE));

        RSAPrivateKey key = PrivateKeys.load(new PrivateKeyReference.File(file), Secret.of(TestKeys.PASSPHRASE));

        assertThat(key.getModulus()).isEqualTo(((RSAPrivateKey) rsa.getPrivate()).getModulus());
    }

    @Test
    void refusesAWrongPassphraseForAnEncryptedPkcs8Key() throws Exception {
        Path file = write(TestKeys.encryptedPkcs8(rsa.getPrivate(), TestKeys.PASSPHRASE));

        KeyMaterialException e = assertThrows(
                KeyMaterialException.class,
                () -> PrivateKeys.load(new PrivateKeyReference.File(file), Secret.of("wrong passphrase")));

        assertThat(e)
                .hasMessageStartingWith(
                        "Could not decrypt the private key file " + file + ": the passphrase is wrong.");
        assertThat(e.getMessage()).doesNotContain("wrong passphrase").doesNotContain(TestKeys.PASSPHRASE);
    }

    @Test
    void refusesAWrongPassphraseForAnEncryptedPkcs1Key() throws Exception {
        Path file = write(TestKeys.encryptedPkcs1(rsa, TestKeys.PASSPHRASE));

        KeyMaterialException e = assertThrows(
                KeyMaterialException.class,
                () -> PrivateKeys.load(new PrivateKeyReference.File(file), Secret.of("wrong passphrase")));

        assertThat(e).hasMessageContaining("the passphrase is wrong");
    }

    @Test
    void asksForAPassphraseWhenTheKeyIsEncryptedAndNoneIsGiven() throws Exception {
        Path file = write(TestKeys.encryptedPkcs8(rsa.getPrivate(), TestKeys.PASSPHRASE));

        KeyMaterialException e = assertThrows(
                KeyMaterialException.class, () -> PrivateKeys.load(new PrivateKeyReference.File(file), null));

        assertThat(e)
                .hasMessageContaining("is encrypted, but no passphrase was given. Set the environment variable"
                        + " REVOLUT_PRIVATE_KEY_PASSPHRASE");
    }

    @Test
    void refusesAPkcs8KeyThatIsNotRsa() throws Exception {
        Path file = write(TestKeys.pkcs8(TestKeys.pair("EC", 256).getPrivate()));

        KeyMaterialException e = assertThrows(
                KeyMaterialException.class, () -> PrivateKeys.load(new PrivateKeyReference.File(file), null));

        assertThat(e).hasMessageContaining("holds an EC key, but Revolut signs client assertions with RS256");
    }

    @Test
    void refusesATraditionalEcKey() throws Exception {
        Path file = write(TestKeys.pkcs1(TestKeys.pair("EC", 256)));

        KeyMaterialException e = assertThrows(
                KeyMaterialException.class, () -> PrivateKeys.load(new PrivateKeyReference.File(file), null));

        assertThat(e).hasMessageContaining("holds an EC key");
    }

    @Test
    void reportsAPemWithoutItsEndLineAsTruncated() {
        String pem = TestKeys.pkcs8(rsa.getPrivate());
        String cut = pem.substring(0, pem.length() / 2);

        KeyMaterialException e = assertThrows(
                KeyMaterialException.class, () -> PrivateKeys.load(new PrivateKeyReference.Pem(Secret.of(cut)), null));

        assertThat(e)
                .hasMessage("The private key PEM text is truncated: it has a '-----BEGIN' line but no '-----END'"
                        + " line. Copy the whole PEM, from '-----BEGIN' to '-----END ...-----' inclusive.");
    }

    @Test
    void reportsAPkcs8BodyWithLinesMissingAsDamaged() {
        String[] lines = TestKeys.pkcs8(rsa.getPrivate()).split("\n");
        String damaged = lines[0] + "\n" + lines[1] + "\n" + lines[lines.length - 1];

        KeyMaterialException e = assertThrows(
                KeyMaterialException.class,
                () -> PrivateKeys.load(new PrivateKeyReference.Pem(Secret.of(damaged)), null));

        assertThat(e).hasMessageStartingWith("The private key PEM text is damaged or truncated");
    }

    @Test
    void reportsAMissingFileAndHowToCreateOne() {
        Path missing = folder.resolve("privatecert.pem");

        KeyMaterialException e = assertThrows(
                KeyMaterialException.class, () -> PrivateKeys.load(new PrivateKeyReference.File(missing), null));

        assertThat(e)
                .hasMessageStartingWith("The private key file " + missing + " does not exist. Create one with"
                        + " 'mvn revolut:keygen'");
    }

    @Test
    void refusesACertificateGivenAsTheKey() throws Exception {
        Path file = write(PemEncoding.certificate(TestKeys.generated().certificate()));

        KeyMaterialException e = assertThrows(
                KeyMaterialException.class, () -> PrivateKeys.load(new PrivateKeyReference.File(file), null));

        assertThat(e).hasMessageContaining("not a private key");
    }

    @Test
    void loadsAnUnencryptedPkcs8KeyWithoutBouncyCastleOnTheClassPath() throws Exception {
        Path file = write(TestKeys.pkcs8(rsa.getPrivate()));
        URL classes = Path.of("target/classes").toUri().toURL();

        try (URLClassLoader withoutBouncyCastle =
                new URLClassLoader(new URL[] {classes}, ClassLoader.getPlatformClassLoader())) {
            Object reference = withoutBouncyCastle
                    .loadClass(PrivateKeyReference.File.class.getName())
                    .getConstructor(Path.class)
                    .newInstance(file);
            Class<?> referenceType = withoutBouncyCastle.loadClass(PrivateKeyReference.class.getName());
            Class<?> secretType = withoutBouncyCastle.loadClass(Secret.class.getName());
            Method load = withoutBouncyCastle
                    .loadClass(PrivateKeys.class.getName())
                    .getMethod("load", referenceType, secretType);

            Object key = load.invoke(null, reference, null);

            assertThat(((RSAPrivateKey) key).getEncoded())
                    .isEqualTo(rsa.getPrivate().getEncoded());
        }
    }

    private Path write(String pem) throws Exception {
        return Files.writeString(folder.resolve("key.pem"), pem);
    }
}
