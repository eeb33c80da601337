package dev.fintools.revolut.emulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Revolut's side: consent ({@code /app-confirm}), the token endpoint and {@code GET /accounts}. */
final class ApiHandler implements HttpHandler {
    static final String CONSENT_PATH = "/app-confirm";
    static final String TOKEN_PATH = "/api/1.0/auth/token";
    static final String ACCOUNTS_PATH = "/api/1.0/accounts";

    private static final byte[] UNAUTHORIZED =
            "{\"message\":\"The request should be authorized.\"}".getBytes(StandardCharsets.UTF_8);
    private static final String FORM = "application/x-www-form-urlencoded";

    private final RevolutEmulator emulator;

    ApiHandler(RevolutEmulator emulator) {
        this.emulator = emulator;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            switch (path) {
                case ACCOUNTS_PATH -> accounts(exchange);
                case TOKEN_PATH -> token(exchange);
                case CONSENT_PATH -> consent(exchange);
                default -> notFound(exchange, path);
            }
        }
    }

    private void accounts(HttpExchange exchange) throws IOException {
        emulator.counts.accounts();
        if (emulator.playFault(exchange)) {
            return;
        }
        if (!"GET".equals(exchange.getRequestMethod())) {
            Exchanges.error(exchange, 405, "Method not allowed: use GET /accounts.", emulator.json);
            return;
        }
        switch (emulator.grants.check(bearer(exchange))) {
            case VALID -> Exchanges.json(exchange, 200, emulator.accounts.get().body());
            case VALID_WITHOUT_READ ->
                Exchanges.error(
                        exchange,
                        403,
                        "This action is forbidden: the access token's consent lacks the READ scope. Repeat the consent"
                                + " with scope=READ (or without a scope).",
                        emulator.json);
            case UNAUTHORIZED -> Exchanges.json(exchange, 401, UNAUTHORIZED);
        }
        emulator.log("GET " + ACCOUNTS_PATH + " " + exchange.getResponseCode());
    }

    private static String bearer(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return "";
        }
        return header.substring(7).strip();
    }

    private void token(HttpExchange exchange) throws IOException {
        String body = Exchanges.body(exchange);
        boolean isForm =
                Exchanges.contentType(exchange).toLowerCase(Locale.ROOT).startsWith(FORM);
        Map<String, String> form = isForm ? Exchanges.form(body) : Map.of();
        emulator.counts.token(form.get("grant_type"));
        if (emulator.playFault(exchange)) {
            return;
        }
        try {
            Map<String, Object> answer = tokenAnswer(exchange, isForm, form);
            Exchanges.json(exchange, 200, answer, emulator.json);
            emulator.log("POST " + TOKEN_PATH + " 200 (" + form.get("grant_type") + ")");
        } catch (OAuthError e) {
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("error", e.error);
            answer.put("error_description", e.getMessage());
            Exchanges.json(exchange, e.status, answer, emulator.json);
            emulator.log("POST " + TOKEN_PATH + " " + e.status + " " + e.error + ": " + e.getMessage());
        }
    }

    private Map<String, Object> tokenAnswer(HttpExchange exchange, boolean isForm, Map<String, String> form)
            throws OAuthError {
        if (!"POST".equals(exchange.getRequestMethod())) {
            throw new OAuthError(405, "invalid_request", "Use POST for the token endpoint.");
        }
        if (!isForm) {
            throw OAuthError.invalidRequest("The token request must be sent as " + FORM + "; got Content-Type '"
                    + Exchanges.contentType(exchange) + "'.");
        }
        String grantType = form.get("grant_type");
        if (!"authorization_code".equals(grantType) && !"refresh_token".equals(grantType)) {
            throw new OAuthError(
                    400,
                    "unsupported_grant_type",
                    "grant_type must be authorization_code or" + " refresh_token; got '"
                            + (grantType == null ? "(missing)" : grantType) + "'.");
        }
        RegisteredClient client =
                emulator.verifier.verify(form.get("client_assertion_type"), form.get("client_assertion"));
        Grants.Issued issued = grantType.equals("authorization_code")
                ? emulator.grants.exchange(required(form, "code"), client.clientId())
                : emulator.grants.refresh(required(form, "refresh_token"), client.clientId());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("access_token", issued.accessToken());
        answer.put("token_type", "bearer");
        answer.put("expires_in", Grants.EXPIRES_IN_SECONDS);
        if (issued.refreshToken() != null) {
            answer.put("refresh_token", issued.refreshToken());
        }
        return answer;
    }

    private static String required(Map<String, String> form, String name) throws OAuthError {
        String value = form.get(name);
        if (value == null || value.isBlank()) {
            throw OAuthError.invalidRequest("The request has no " + name + ".");
        }
        return value;
    }

    private void consent(HttpExchange exchange) throws IOException {
        emulator.counts.consent();
        if (emulator.playFault(exchange)) {
            return;
        }
        if (!"GET".equals(exchange.getRequestMethod())) {
            Exchanges.error(exchange, 405, "Method not allowed: open /app-confirm with GET.", emulator.json);
            return;
        }
        Map<String, String> query = Exchanges.query(exchange);
        try {
            String location = emulator.approve(query);
            exchange.getResponseHeaders().set("Location", location);
            Exchanges.send(exchange, 302, new byte[0]);
            emulator.log("GET " + CONSENT_PATH + " 302 (approved for client " + query.get("client_id") + ")");
        } catch (IllegalArgumentException e) {
            Exchanges.error(exchange, 400, e.getMessage(), emulator.json);
            emulator.log("GET " + CONSENT_PATH + " 400: " + e.getMessage());
        }
    }

    private void notFound(HttpExchange exchange, String path) throws IOException {
        Exchanges.error(
                exchange,
                404,
                "The emulator has no endpoint " + path + "; it serves " + CONSENT_PATH + ", " + TOKEN_PATH + ", "
                        + ACCOUNTS_PATH + " and /admin/.",
                emulator.json);
    }

    static Set<String> faultablePaths() {
        return Set.of(CONSENT_PATH, TOKEN_PATH, ACCOUNTS_PATH);
    }
}
