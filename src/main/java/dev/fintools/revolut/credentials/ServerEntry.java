package dev.fintools.revolut.credentials;

import dev.fintools.revolut.secrets.Secret;

/**
 * The decrypted values of the {@code settings.xml} {@code <server>} entry, free of Maven types.
 *
 * @param id the server id, {@code revolut} by default
 * @param clientId {@code <username>}
 * @param refreshToken {@code <password>}
 * @param privateKeyPath {@code <privateKey>}, a path to the PEM private key
 * @param passphrase {@code <passphrase>}, the private key's passphrase
 * @param redirectUri {@code <configuration><redirectUri>}
 */
public record ServerEntry(
        String id, String clientId, Secret refreshToken, String privateKeyPath, Secret passphrase, String redirectUri) {

    @Override
    public String toString() {
        return "ServerEntry[id=" + id + "]";
    }
}
