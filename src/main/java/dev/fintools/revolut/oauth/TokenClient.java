package dev.fintools.revolut.oauth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fintools.revolut.config.ApiUrl;
import dev.fintools.revolut.http.ApiCall;
import dev.fintools.revolut.http.ApiResponse;
import dev.fintools.revolut.http.RateLimiter;
import dev.fintools.revolut.http.RequestExecutor;
import dev.fintools.revolut.http.RetryPolicy;
import dev.fintools.revolut.http.RevolutApiException;
import dev.fintools.revolut.http.Sleeper;
import dev.fintools.revolut.oauth.OAuthErrors.Grant;
import dev.fintools.revolut.secrets.Secret;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Supplier;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/** Talks to Revolut's token endpoint ({@code <apiUrl>/auth/token}): code exchange and refresh. */
public final class TokenClient {
    // RFC 7523, section 2.2: the client authenticates with a signed JWT.
    static final String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    private static final String EXCHANGE = "Exchanging the authorization code for tokens";
    private static final String REFRESH = "Refreshing the access token";
    private static final String CODE_MAY_BE_USED = "The request may have reached Revolut, so it was not sent"
            + " again: an authorization code works only once, and this one may now be used up. Give consent again"
            + " to get a new code and exchange it within 2 minutes.";

    private final ObjectMapper json = new ObjectMapper();
    private final RequestExecutor executor;
    private final HttpUrl tokenUrl;
    private final Clock clock;

    public TokenClient(RequestExecutor executor, ApiUrl apiUrl, Clock clock) {
        this.executor = executor;
        this.tokenUrl = HttpUrl.get(apiUrl.resolve("auth/token").toString());
        this.clock = clock;
    }

    public TokenClient(
            OkHttpClient client,
            ApiUrl apiUrl,
            RetryPolicy policy,
            RateLimiter rateLimiter,
            Clock clock,
            Sleeper sleeper) {
        this(new RequestExecutor(client, policy, rateLimiter, clock, sleeper), apiUrl, clock);
    }

    /**
     * Exchanges an authorization code (step 4 of Revolut's guide). Sent at most once: a code works once.
     *
     * @throws RevolutApiException if Revolut refuses or the answer is not a token answer with a refresh token
     */
    public TokenResponse exchangeCode(Secret code, Secret assertion) {
        ApiCall call = ApiCall.of(
                        EXCHANGE,
                        () -> request(form("authorization_code")
                                .add("code", code.reveal())
                                .add("client_assertion_type", JWT_BEARER)
                                .add("client_assertion", assertion.reveal())))
                .notRetryable(CODE_MAY_BE_USED)
                .hidingResponseBody()
                .errorTranslator(failure -> OAuthErrors.translate(EXCHANGE, Grant.AUTHORIZATION_CODE, failure));
        return parse(call, executor.execute(call), true);
    }

    /**
     * Gets a new access token with the refresh token. Retried as the policy allows, each attempt with a fresh
     * assertion from {@code freshAssertion}. Revolut invalidates the previous access token.
     *
     * @throws RevolutApiException if Revolut refuses; {@link RevolutApiException#isRefreshTokenRefused()} tells
     *     when the consent has to be repeated
     */
    public TokenResponse refresh(Secret refreshToken, Supplier<Secret> freshAssertion) {
        ApiCall call = ApiCall.of(
                        REFRESH,
                        () -> request(form("refresh_token")
                                .add("refresh_token", refreshToken.reveal())
                                .add("client_assertion_type", JWT_BEARER)
                                .add("client_assertion", freshAssertion.get().reveal())))
                .hidingResponseBody()
                .errorTranslator(failure -> OAuthErrors.translate(REFRESH, Grant.REFRESH_TOKEN, failure));
        return parse(call, executor.execute(call), false);
    }

    private static FormBody.Builder form(String grantType) {
        return new FormBody.Builder().add("grant_type", grantType);
    }

    private Request request(FormBody.Builder form) {
        return new Request.Builder()
                .url(tokenUrl)
                .header("Accept", "application/json")
                .post(form.build())
                .build();
    }

    private TokenResponse parse(ApiCall call, ApiResponse response, boolean requireRefreshToken) {
        JsonNode node = readObject(call, response);
        String accessToken = text(node, "access_token");
        if (accessToken == null) {
            throw RequestExecutor.badResponse(call, response, "has no access_token");
        }
        JsonNode expiresIn = node.get("expires_in");
        if (expiresIn == null
                || !expiresIn.canConvertToLong()
                || !expiresIn.isIntegralNumber()
                || expiresIn.asLong() <= 0) {
            throw RequestExecutor.badResponse(call, response, "has no expires_in as a positive number of seconds");
        }
        String tokenType = text(node, "token_type");
        if (tokenType != null && !tokenType.toLowerCase(Locale.ROOT).equals("bearer")) {
            throw RequestExecutor.badResponse(call, response, "has token_type '" + tokenType + "', expected bearer");
        }
        if (requireRefreshToken && text(node, "refresh_token") == null) {
            throw RequestExecutor.badResponse(
                    call,
                    response,
                    "has no refresh_token, which a code exchange always"
                            + " returns; the code is used now, so give consent again for a new one");
        }
        Duration lifetime = Duration.ofSeconds(expiresIn.asLong());
        return new TokenResponse(
                Secret.of(accessToken),
                tokenType == null ? "bearer" : tokenType,
                lifetime,
                Secret.ofNullable(text(node, "refresh_token")),
                clock.instant().plus(lifetime));
    }

    private JsonNode readObject(ApiCall call, ApiResponse response) {
        try {
            JsonNode node = json.readTree(response.body());
            if (node == null || !node.isObject()) {
                throw RequestExecutor.badResponse(call, response, "is not a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            // Jackson's message quotes the body, which may hold a token: it is not kept.
            throw RequestExecutor.badResponse(call, response, "is not valid JSON");
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }
}
