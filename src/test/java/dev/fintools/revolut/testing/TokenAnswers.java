package dev.fintools.revolut.testing;

import mockwebserver3.MockResponse;

/** Answers of the token endpoint as Revolut gives them. */
public final class TokenAnswers {
    private TokenAnswers() {}

    public static MockResponse tokens(String accessToken, long expiresIn, String refreshToken) {
        String refresh = refreshToken == null ? "" : ",\"refresh_token\":\"" + refreshToken + "\"";
        return json(
                200,
                "{\"access_token\":\"" + accessToken + "\",\"token_type\":\"bearer\",\"expires_in\":" + expiresIn
                        + refresh + "}");
    }

    public static MockResponse oauthError(int status, String error, String description) {
        return json(status, "{\"error\":\"" + error + "\",\"error_description\":\"" + description + "\"}");
    }

    public static MockResponse json(int status, String body) {
        return new MockResponse.Builder()
                .code(status)
                .setHeader("Content-Type", "application/json")
                .body(body)
                .build();
    }
}
