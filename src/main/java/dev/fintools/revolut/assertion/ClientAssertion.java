package dev.fintools.revolut.assertion;

import dev.fintools.revolut.secrets.Secret;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.Jwts;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;

/**
 * The client-assertion JWT of Revolut's "Generate a client assertion" step: header {@code alg RS256, typ JWT},
 * payload {@code iss} (redirect-URI host), {@code sub} (client ID), {@code aud https://revolut.com} and {@code exp}
 * (seconds).
 */
public final class ClientAssertion {
    public static final String AUDIENCE = "https://revolut.com";

    private static final int MINIMUM_KEY_SIZE_BITS = 2048;

    private ClientAssertion() {}

    /**
     * Signs a new assertion.
     *
     * @param ttl how long the assertion is valid, from {@code clock}'s now
     * @return the compact JWT, masked when printed
     * @throws AssertionException for a key under 2048 bits, a blank client ID or a redirect URI without a host
     */
    public static Secret sign(RSAPrivateKey key, String clientId, String redirectUri, Duration ttl, Clock clock) {
        checkKeySize(key);
        String issuer = RedirectUris.issuer(redirectUri);
        if (clientId == null || clientId.isBlank()) {
            throw new AssertionException("The client ID is empty: expected the ClientID shown in the web app after"
                    + " the certificate upload. Set REVOLUT_CLIENT_ID, the settings.xml <username> or"
                    + " revolut.clientId.");
        }
        return Secret.of(Jwts.builder()
                .header()
                .type("JWT")
                .and()
                .issuer(issuer)
                .subject(clientId.trim())
                .audience()
                .single(AUDIENCE)
                .expiration(Date.from(expiresAt(ttl, clock)))
                .signWith(key, Jwts.SIG.RS256)
                .compact());
    }

    /** When an assertion signed now with this lifetime expires, to the second as {@code exp} holds it. */
    public static Instant expiresAt(Duration ttl, Clock clock) {
        return clock.instant().plus(ttl).truncatedTo(ChronoUnit.SECONDS);
    }

    /**
     * Checks the assertion's signature with the certificate's public key, as jwt.io would with the uploaded
     * certificate.
     *
     * @throws AssertionException when the certificate does not belong to the key that signed the assertion
     */
    public static void verify(Secret assertion, X509Certificate certificate, Clock clock) {
        try {
            Jwts.parser()
                    .verifyWith(certificate.getPublicKey())
                    .clock(() -> Date.from(clock.instant()))
                    .build()
                    .parseSignedClaims(assertion.reveal());
        } catch (JwtException | IllegalArgumentException e) {
            // jjwt's messages name the mismatch, never the token itself.
            throw new AssertionException(
                    "The private key and the certificate (subject '"
                            + certificate.getSubjectX500Principal().getName()
                            + "') do not belong together: the certificate cannot verify the signed assertion, so"
                            + " Revolut would reject it too. Nothing was written. Point revolut.privateKey and"
                            + " revolut.certificate at a matching pair, or create a new pair with 'mvn revolut:keygen'"
                            + " and upload its certificate.",
                    e);
        }
    }

    private static void checkKeySize(RSAPrivateKey key) {
        int bits = key.getModulus().bitLength();
        if (bits < MINIMUM_KEY_SIZE_BITS) {
            throw new AssertionException("Refusing an RSA key of " + bits + " bits: RS256 needs at least 2048. Create"
                    + " a new key with 'mvn revolut:keygen' and upload its certificate.");
        }
    }
}
