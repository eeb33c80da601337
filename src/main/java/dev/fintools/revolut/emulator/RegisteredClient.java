package dev.fintools.revolut.emulator;

import java.net.URI;
import java.security.interfaces.RSAPublicKey;

/**
 * A client as the web app shows it after the certificate upload.
 *
 * @param clientId the ClientID
 * @param redirectUri the OAuth redirect URI, matched exactly on consent
 * @param issuer what the assertion's {@code iss} must be: the redirect URI's host, without the scheme
 * @param publicKey the certificate's key, parsed once, that verifies the client's assertions
 * @param seeded whether it came from the configuration (kept on reset) rather than a runtime upload
 */
record RegisteredClient(String clientId, String redirectUri, String issuer, RSAPublicKey publicKey, boolean seeded) {

    static RegisteredClient of(String clientId, String certificatePem, String redirectUri, boolean seeded) {
        RSAPublicKey key = Certificates.publicKey(certificatePem);
        return new RegisteredClient(clientId, redirectUri, issuerOf(redirectUri), key, seeded);
    }

    private static String issuerOf(String redirectUri) {
        if (redirectUri == null || redirectUri.isBlank()) {
            throw new IllegalArgumentException("A redirect URI is required with the certificate, such as"
                    + " https://example.com: consent redirects there and the assertion's iss is its host.");
        }
        URI uri;
        try {
            uri = URI.create(redirectUri.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "Redirect URI '" + redirectUri + "' is not a URI; expected a form" + " like https://example.com.",
                    e);
        }
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalArgumentException("Redirect URI '" + redirectUri + "' has no scheme or host; expected"
                    + " a form like https://example.com.");
        }
        return uri.getHost();
    }
}
