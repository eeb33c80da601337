package dev.fintools.revolut.keys;

import dev.fintools.revolut.secrets.Secret;
import java.io.IOException;
import java.io.StringReader;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.interfaces.RSAPrivateKey;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMDecryptorProvider;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMException;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.operator.InputDecryptorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;

/**
 * The PEM forms the JDK cannot read: PKCS#1 ({@code BEGIN RSA PRIVATE KEY}, from {@code openssl genrsa
 * -traditional}), legacy OpenSSL encryption and encrypted PKCS#8. BouncyCastle is used as a provider instance, never
 * registered with {@code Security.addProvider}.
 */
final class BouncyCastlePem {
    private BouncyCastlePem() {}

    static RSAPrivateKey privateKey(String pem, Secret passphrase, String origin) {
        return rsa(privateKeyInfo(parse(pem, origin), passphrase, origin), origin);
    }

    private static PrivateKeyInfo privateKeyInfo(Object parsed, Secret passphrase, String origin) {
        if (parsed instanceof PEMKeyPair pair) {
            return pair.getPrivateKeyInfo();
        }
        if (parsed instanceof PrivateKeyInfo plain) {
            return plain;
        }
        if (parsed instanceof PEMEncryptedKeyPair encrypted) {
            return decrypt(encrypted, need(passphrase, origin), new BouncyCastleProvider(), origin);
        }
        if (parsed instanceof PKCS8EncryptedPrivateKeyInfo encrypted) {
            return decrypt(encrypted, need(passphrase, origin), new BouncyCastleProvider(), origin);
        }
        throw notAPrivateKey(parsed, origin);
    }

    private static Object parse(String pem, String origin) {
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            Object parsed = parser.readObject();
            if (parsed == null) {
                throw PrivateKeys.damaged(origin, null);
            }
            return parsed;
        } catch (IOException | IllegalArgumentException e) {
            throw PrivateKeys.damaged(origin, e);
        }
    }

    private static char[] need(Secret passphrase, String origin) {
        if (passphrase == null) {
            throw new KeyMaterialException("The " + origin + " is encrypted, but no passphrase was given. Set the"
                    + " environment variable REVOLUT_PRIVATE_KEY_PASSPHRASE or the settings.xml <server> element"
                    + " <passphrase> (encrypt it with 'mvn --encrypt-password').");
        }
        return passphrase.reveal().toCharArray();
    }

    private static PrivateKeyInfo decrypt(
            PEMEncryptedKeyPair encrypted, char[] passphrase, Provider provider, String origin) {
        PEMDecryptorProvider decryptor =
                new JcePEMDecryptorProviderBuilder().setProvider(provider).build(passphrase);
        try {
            return encrypted.decryptKeyPair(decryptor).getPrivateKeyInfo();
        } catch (IOException | IllegalStateException e) {
            throw wrongPassphrase(origin, e);
        }
    }

    private static PrivateKeyInfo decrypt(
            PKCS8EncryptedPrivateKeyInfo encrypted, char[] passphrase, Provider provider, String origin) {
        try {
            InputDecryptorProvider decryptor = new JceOpenSSLPKCS8DecryptorProviderBuilder()
                    .setProvider(provider)
                    .build(passphrase);
            return encrypted.decryptPrivateKeyInfo(decryptor);
        } catch (PKCSException | OperatorCreationException | IllegalStateException e) {
            throw wrongPassphrase(origin, e);
        }
    }

    private static RSAPrivateKey rsa(PrivateKeyInfo info, String origin) {
        ASN1ObjectIdentifier algorithm = info.getPrivateKeyAlgorithm().getAlgorithm();
        if (!PKCSObjectIdentifiers.rsaEncryption.equals(algorithm)) {
            throw PrivateKeys.notRsa(origin, algorithmName(algorithm));
        }
        PrivateKey key;
        try {
            key = new JcaPEMKeyConverter().getPrivateKey(info);
        } catch (PEMException e) {
            throw PrivateKeys.damaged(origin, e);
        }
        if (key instanceof RSAPrivateKey rsa) {
            return rsa;
        }
        throw PrivateKeys.notRsa(origin, key.getAlgorithm());
    }

    private static String algorithmName(ASN1ObjectIdentifier algorithm) {
        if (X9ObjectIdentifiers.id_ecPublicKey.equals(algorithm)) {
            return "EC";
        }
        if (X9ObjectIdentifiers.id_dsa.equals(algorithm)) {
            return "DSA";
        }
        return "other (OID " + algorithm.getId() + ")";
    }

    private static KeyMaterialException wrongPassphrase(String origin, Exception cause) {
        // The cause is BouncyCastle's; it describes padding or cipher errors, never the passphrase.
        return new KeyMaterialException(
                "Could not decrypt the " + origin + ": the passphrase is wrong. Check"
                        + " REVOLUT_PRIVATE_KEY_PASSPHRASE or the settings.xml <server> element <passphrase>; test it"
                        + " with 'openssl pkey -in <key file> -noout'.",
                cause);
    }

    private static KeyMaterialException notAPrivateKey(Object parsed, String origin) {
        return new KeyMaterialException(
                "The " + origin + " holds a " + parsed.getClass().getSimpleName()
                        + ", not a private key. Expected a PEM block such as '-----BEGIN PRIVATE KEY-----' or"
                        + " '-----BEGIN RSA PRIVATE KEY-----'; the certificate goes into revolut.certificate.");
    }
}
