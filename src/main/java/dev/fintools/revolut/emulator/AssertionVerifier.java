package dev.fintools.revolut.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fintools.revolut.secrets.Secret;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.ExpiredJwtException;
import io.jsonwebtoken.IncorrectClaimException;
import io.jsonwebtoken.Jws;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.MissingClaimException;
import io.jsonwebtoken.io.Decoders;
import io.jsonwebtoken.security.SignatureException;
import java.io.IOException;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Locale;

/**
 * Verifies a client assertion (RFC 7523) the way Revolut does: RS256 signed by the registered certificate's key,
 * {@code iss} the redirect URI's host, {@code sub} the client ID, {@code aud} {@code https://revolut.com}, and a
 * numeric {@code exp} that has not passed.
 */
final class AssertionVerifier {
    static final String ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    static final String AUDIENCE = "https://revolut.com";

    /** Revolut's own wording: {@code The Token has expired on Mon Jun 03 15:55:21 UTC 2024.} */
    private static final DateTimeFormatter EXPIRY_FORMAT = DateTimeFormatter.ofPattern(
                    "EEE MMM dd HH:mm:ss zzz yyyy", Locale.US)
            .withZone(ZoneId.of("UTC"));

    private final Clock clock;
    private final Clients clients;
    private final ObjectMapper json;

    AssertionVerifier(Clock clock, Clients clients, ObjectMapper json) {
        this.clock = clock;
        this.clients = clients;
        this.json = json;
    }

    /** Returns the client the assertion authenticates. */
    RegisteredClient verify(String assertionType, String assertion) throws OAuthError {
        if (!ASSERTION_TYPE.equals(assertionType)) {
            throw OAuthError.invalidRequest("client_assertion_type must be " + ASSERTION_TYPE + "; got '"
                    + (assertionType == null ? "(missing)" : assertionType) + "'.");
        }
        if (assertion == null || assertion.isBlank()) {
            throw OAuthError.invalidRequest(
                    "client_assertion is missing: send the client assertion JWT signed with" + " your private key.");
        }
        JsonNode payload = rawPayload(assertion);
        checkExpiryIsANumber(payload.get("exp"));
        RegisteredClient client = client(payload.get("sub"));
        Jws<Claims> jws = parse(assertion, client);
        checkAlgorithm(jws.getHeader().getAlgorithm());
        checkIssuer(jws.getPayload().getIssuer(), client);
        return client;
    }

    /**
     * The payload as sent: jjwt turns a string {@code exp} into a date, but Revolut refuses it, so its JSON type is
     * checked here before jjwt sees it.
     */
    private JsonNode rawPayload(String assertion) throws OAuthError {
        String[] parts = assertion.strip().split("\\.", -1);
        if (parts.length != 3 || parts[2].isEmpty()) {
            throw OAuthError.invalidRequest("client_assertion is not a signed JWT: expected three dot-separated parts"
                    + " (header.payload.signature), got " + parts.length + " or an empty signature.");
        }
        try {
            JsonNode payload = json.readTree(Decoders.BASE64URL.decode(parts[1]));
            if (payload == null || !payload.isObject()) {
                throw new IOException("not a JSON object");
            }
            return payload;
        } catch (IOException | RuntimeException e) {
            throw OAuthError.invalidRequest("client_assertion's payload is not base64url-encoded JSON object.");
        }
    }

    private static void checkExpiryIsANumber(JsonNode exp) throws OAuthError {
        if (exp == null || exp.isNull()) {
            throw OAuthError.invalidRequest("The client assertion has no exp claim: add \"exp\" as a UNIX timestamp"
                    + " in seconds, a number.");
        }
        if (!exp.isNumber()) {
            throw OAuthError.invalidRequest("The client assertion's exp claim must be a number (UNIX timestamp in"
                    + " seconds), not a " + exp.getNodeType().name().toLowerCase(Locale.ROOT)
                    + ": write \"exp\": 1706136791, without quotes.");
        }
    }

    private RegisteredClient client(JsonNode sub) throws OAuthError {
        String clientId = sub == null || !sub.isTextual() ? null : sub.asText();
        RegisteredClient client = clientId == null ? null : clients.find(clientId);
        if (client == null) {
            throw OAuthError.unauthorizedClient("The client assertion's sub '" + shown(clientId)
                    + "' is not a registered client ID. Set sub to the ClientID shown after the certificate upload.");
        }
        return client;
    }

    /** A sub as it may be shown: masked when it is a code or token put there by mistake, as seen in the wild. */
    static String shown(String value) {
        if (value == null) {
            return "(missing)";
        }
        return value.startsWith("oa_") ? Secret.mask(value) : value;
    }

    private Jws<Claims> parse(String assertion, RegisteredClient client) throws OAuthError {
        try {
            return Jwts.parser()
                    .verifyWith(client.publicKey())
                    .clock(() -> Date.from(clock.instant()))
                    .requireAudience(AUDIENCE)
                    .build()
                    .parseSignedClaims(assertion.strip());
        } catch (ExpiredJwtException e) {
            throw OAuthError.invalidRequest("The Token has expired on "
                    + EXPIRY_FORMAT.format(e.getClaims().getExpiration().toInstant()) + ".");
        } catch (SignatureException e) {
            throw OAuthError.invalidClient("The client assertion's signature does not match the certificate"
                    + " registered for client ID '" + client.clientId() + "'. Sign it with the private key of that"
                    + " certificate.");
        } catch (MissingClaimException | IncorrectClaimException e) {
            throw OAuthError.invalidClient("The client assertion's aud must be " + AUDIENCE + ".");
        } catch (JwtException | IllegalArgumentException e) {
            throw OAuthError.invalidRequest("The client assertion could not be read as an RS256-signed JWT: "
                    + e.getClass().getSimpleName() + ".");
        }
    }

    private static void checkAlgorithm(String algorithm) throws OAuthError {
        if (!"RS256".equals(algorithm)) {
            throw OAuthError.invalidClient(
                    "The client assertion must be signed with RS256; its header says alg '" + algorithm + "'.");
        }
    }

    private static void checkIssuer(String issuer, RegisteredClient client) throws OAuthError {
        if (!client.issuer().equals(issuer)) {
            throw OAuthError.invalidClient("The client assertion's iss '" + (issuer == null ? "(missing)" : issuer)
                    + "' does not match the redirect URI's host '" + client.issuer() + "'. Set iss to the domain of"
                    + " the redirect URI without https://.");
        }
    }
}
