package dev.fintools.revolut.oauth;

import dev.fintools.revolut.http.HttpFailure;
import dev.fintools.revolut.http.ResponseBodies;
import dev.fintools.revolut.http.RevolutApiException;
import dev.fintools.revolut.http.RevolutApiException.Kind;
import java.util.Set;

/** Explains the token endpoint's OAuth errors ({@code {"error", "error_description"}}). */
final class OAuthErrors {
    /** Codes that, on a refresh, point at the refresh token itself rather than the client or assertion. */
    private static final Set<String> REFRESH_TOKEN_REFUSALS = Set.of("invalid_grant", "unauthorized_client");

    private static final String CLIENT_CAUSES = "the client ID is wrong; the client assertion's iss is not the"
            + " host of the redirect URI; the certificate was uploaded in the other environment (sandbox and"
            + " production are separate)";

    private OAuthErrors() {}

    enum Grant {
        AUTHORIZATION_CODE,
        REFRESH_TOKEN
    }

    /** The exception for an OAuth error answer, or null when the body is not one. */
    static RevolutApiException translate(String purpose, Grant grant, HttpFailure failure) {
        String error = ResponseBodies.oauthError(failure.body());
        if (error == null || failure.status() >= 500) {
            return null;
        }
        String start = purpose + " failed: " + failure.endpoint() + " answered HTTP " + failure.status()
                + ", Revolut says \"" + failure.revolutMessage() + "\". ";
        if (isExpiredAssertion(error, failure)) {
            return new RevolutApiException(
                    Kind.OAUTH_ERROR,
                    failure.endpoint(),
                    failure.status(),
                    error,
                    false,
                    start + expiredAssertion(),
                    null);
        }
        boolean refreshTokenRefused = grant == Grant.REFRESH_TOKEN && REFRESH_TOKEN_REFUSALS.contains(error);
        return new RevolutApiException(
                Kind.OAUTH_ERROR,
                failure.endpoint(),
                failure.status(),
                error,
                refreshTokenRefused,
                start + causes(grant),
                null);
    }

    private static boolean isExpiredAssertion(String error, HttpFailure failure) {
        String description = ResponseBodies.oauthErrorDescription(failure.body());
        return error.equals("invalid_request")
                && description != null
                && description.startsWith("The Token has expired");
    }

    private static String expiredAssertion() {
        return "The client assertion (JWT) has expired. The plugin signs a fresh one for every request, so this"
                + " happens only with an assertion you supplied yourself: generate a new one with"
                + " mvn revolut:assertion (same private key and certificate), or remove your own so the plugin makes"
                + " one.";
    }

    private static String causes(Grant grant) {
        if (grant == Grant.AUTHORIZATION_CODE) {
            return "Likely causes: the authorization code expired (it is valid for 2 minutes) or was already used; "
                    + CLIENT_CAUSES + ". Check revolut.clientId and revolut.redirectUri against the certificate in"
                    + " the Business web app, then give consent again and use the new code within 2 minutes.";
        }
        return "Likely causes: the refresh token is no longer valid (businesses on some plans must consent again"
                + " every 90 days, or the access was revoked); " + CLIENT_CAUSES + ". If the client ID and"
                + " certificate are right, give consent again and exchange the new code to get a new refresh"
                + " token.";
    }
}
