package dev.fintools.revolut.keys;

import dev.fintools.revolut.credentials.PrivateKeyReference;
import dev.fintools.revolut.secrets.Secret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;

/**
 * Loads the RSA private key that signs client assertions. An unencrypted PKCS#8 PEM ({@code BEGIN PRIVATE KEY}, what
 * {@code revolut:keygen} writes) loads with the JDK alone, so the goals that only sign never load BouncyCastle for
 * it; PKCS#1 and encrypted keys go through {@link BouncyCastlePem}.
 */
public final class PrivateKeys {
    static final String PKCS8_BEGIN = "-----BEGIN PRIVATE KEY-----";
    static final String PKCS8_END = "-----END PRIVATE KEY-----";

    /** Algorithms tried only to name a key that is not RSA in the error message. */
    private static final List<String> OTHER_ALGORITHMS = List.of("EC", "Ed25519", "Ed448", "DSA", "X25519");

    private PrivateKeys() {}

    /**
     * Loads the key from a PEM file or PEM text.
     *
     * @param reference where the key is
     * @param passphrase the passphrase of an encrypted key; null for an unencrypted one
     * @throws KeyMaterialException when the key is missing, damaged, not RSA, or the passphrase is wrong or missing
     */
    public static RSAPrivateKey load(PrivateKeyReference reference, Secret passphrase) {
        String origin = describe(reference);
        String pem = pemText(reference, origin);
        checkComplete(pem, origin);
        if (pem.contains(PKCS8_BEGIN)) {
            return pkcs8(pem, origin);
        }
        return BouncyCastlePem.privateKey(pem, passphrase, origin);
    }

    /** Where the key came from, for messages: the path, or that it was given as PEM text. */
    static String describe(PrivateKeyReference reference) {
        return reference instanceof PrivateKeyReference.File file
                ? "private key file " + file.path()
                : "private key PEM text";
    }

    private static String pemText(PrivateKeyReference reference, String origin) {
        if (reference instanceof PrivateKeyReference.File file) {
            return read(file, origin);
        }
        return ((PrivateKeyReference.Pem) reference).pem().reveal();
    }

    private static String read(PrivateKeyReference.File file, String origin) {
        try {
            return Files.readString(file.path(), StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            throw new KeyMaterialException(
                    "The " + origin + " does not exist. Create one with 'mvn revolut:keygen', or point"
                            + " revolut.privateKey, REVOLUT_PRIVATE_KEY or the settings.xml <privateKey> at your"
                            + " PEM key.",
                    e);
        } catch (IOException e) {
            throw new KeyMaterialException("Could not read the " + origin + ": " + e.getMessage(), e);
        }
    }

    /** A PEM cut short (a CI variable pasted partly) has a BEGIN line without its END line. */
    private static void checkComplete(String pem, String origin) {
        int begin = pem.indexOf("-----BEGIN ");
        if (begin < 0) {
            throw new KeyMaterialException("The " + origin + " is not a PEM private key: no '-----BEGIN ... KEY-----'"
                    + " line found. Expected a PEM file such as the privatecert.pem written by 'mvn revolut:keygen'"
                    + " or 'openssl genrsa'.");
        }
        if (pem.indexOf("-----END ", begin) < 0) {
            throw new KeyMaterialException("The " + origin + " is truncated: it has a '-----BEGIN' line but no"
                    + " '-----END' line. Copy the whole PEM, from '-----BEGIN' to '-----END ...-----' inclusive.");
        }
    }

    private static RSAPrivateKey pkcs8(String pem, String origin) {
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(pkcs8Body(pem, origin));
        try {
            return (RSAPrivateKey) KeyFactory.getInstance("RSA").generatePrivate(spec);
        } catch (GeneralSecurityException | ClassCastException e) {
            throw notRsaOrDamaged(spec, origin, e);
        }
    }

    private static byte[] pkcs8Body(String pem, String origin) {
        int start = pem.indexOf(PKCS8_BEGIN) + PKCS8_BEGIN.length();
        int end = pem.indexOf(PKCS8_END, start);
        if (end < 0) {
            throw new KeyMaterialException("The " + origin + " is truncated: '" + PKCS8_BEGIN + "' has no matching '"
                    + PKCS8_END + "' line. Copy the whole PEM, from '-----BEGIN' to '-----END' inclusive.");
        }
        try {
            return Base64.getMimeDecoder().decode(pem.substring(start, end).trim());
        } catch (IllegalArgumentException e) {
            throw damaged(origin, e);
        }
    }

    private static KeyMaterialException notRsaOrDamaged(PKCS8EncodedKeySpec spec, String origin, Exception cause) {
        for (String algorithm : OTHER_ALGORITHMS) {
            if (parsesAs(spec, algorithm)) {
                return notRsa(origin, algorithm);
            }
        }
        return damaged(origin, cause);
    }

    private static boolean parsesAs(PKCS8EncodedKeySpec spec, String algorithm) {
        try {
            KeyFactory.getInstance(algorithm).generatePrivate(spec);
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    static KeyMaterialException notRsa(String origin, String algorithm) {
        return new KeyMaterialException("The " + origin + " holds an " + algorithm + " key, but Revolut signs client"
                + " assertions with RS256, which needs an RSA key. Create an RSA key with 'mvn revolut:keygen' or"
                + " 'openssl genrsa -out privatecert.pem 2048'.");
    }

    static KeyMaterialException damaged(String origin, Exception cause) {
        return new KeyMaterialException(
                "The " + origin + " is damaged or truncated: its base64 body is not a valid key. Copy the whole PEM"
                        + " again, or create a new key with 'mvn revolut:keygen'.",
                cause);
    }
}
