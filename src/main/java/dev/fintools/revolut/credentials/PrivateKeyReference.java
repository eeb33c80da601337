package dev.fintools.revolut.credentials;

import dev.fintools.revolut.secrets.Secret;
import java.nio.file.Path;

/**
 * Where the private key is: a PEM file, or PEM content given directly (the {@code REVOLUT_PRIVATE_KEY} variable
 * may hold either).
 */
public sealed interface PrivateKeyReference {

    /** The key is in this file. */
    record File(Path path) implements PrivateKeyReference {}

    /** The key's PEM text itself, as a CI secret variable holds it. */
    record Pem(Secret pem) implements PrivateKeyReference {}

    /** Reads a value that is either PEM text or a path. */
    static PrivateKeyReference parse(String value, Path baseDirectory) {
        String trimmed = value.trim();
        if (trimmed.startsWith("-----BEGIN")) {
            return new Pem(Secret.of(trimmed));
        }
        return new File(baseDirectory.resolve(expandHome(trimmed)).normalize());
    }

    private static String expandHome(String path) {
        if (path.equals("~") || path.startsWith("~/")) {
            return System.getProperty("user.home") + path.substring(1);
        }
        return path;
    }
}
