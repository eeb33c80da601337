package dev.fintools.revolut.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test controls under {@code /admin/}, JSON in and out. Never answers with a token or a code: consent approval is
 * only offered through the Java API and {@code /app-confirm}.
 */
final class AdminHandler implements HttpHandler {
    private final RevolutEmulator emulator;

    AdminHandler(RevolutEmulator emulator) {
        this.emulator = emulator;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String route =
                    exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
            try {
                answer(exchange, route);
            } catch (IllegalArgumentException e) {
                Exchanges.error(exchange, 400, e.getMessage(), emulator.json);
            }
            emulator.log(route + " " + exchange.getResponseCode());
        }
    }

    private void answer(HttpExchange exchange, String route) throws IOException {
        switch (route) {
            case "GET /admin/clock" -> ok(exchange, Map.of("now", emulator.now().toString()));
            case "POST /admin/clock/advance" -> advance(exchange);
            case "GET /admin/counts" -> ok(exchange, emulator.counts());
            case "POST /admin/faults" -> fault(exchange);
            case "DELETE /admin/faults" -> clearFaults(exchange);
            case "GET /admin/clients" -> ok(exchange, clients());
            case "POST /admin/clients" -> register(exchange);
            case "PUT /admin/accounts" -> accounts(exchange);
            case "POST /admin/reset" -> reset(exchange);
            case "POST /admin/shutdown" -> shutdown(exchange);
            default -> revokeOrNotFound(exchange, route);
        }
    }

    private void ok(HttpExchange exchange, Object body) throws IOException {
        Exchanges.json(exchange, 200, body, emulator.json);
    }

    private JsonNode jsonBody(HttpExchange exchange) throws IOException {
        try {
            JsonNode node = emulator.json.readTree(Exchanges.body(exchange));
            if (node == null || node.isMissingNode()) {
                throw new IllegalArgumentException("The request body is empty; expected JSON.");
            }
            return node;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("The request body is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private void advance(HttpExchange exchange) throws IOException {
        JsonNode body = jsonBody(exchange);
        if (!body.path("seconds").canConvertToLong()) {
            throw new IllegalArgumentException(
                    "Expected {\"seconds\": 121}, a whole number of seconds to move the" + " emulator clock forward.");
        }
        emulator.advanceClock(Duration.ofSeconds(body.get("seconds").asLong()));
        ok(exchange, Map.of("now", emulator.now().toString()));
    }

    private void fault(HttpExchange exchange) throws IOException {
        JsonNode body = jsonBody(exchange);
        String path = body.path("path").asText("");
        Fault fault = new Fault(
                body.path("status").asInt(0),
                body.hasNonNull("retryAfter") ? body.get("retryAfter").asText() : null,
                body.hasNonNull("body") ? body.get("body").asText() : null,
                Duration.ofMillis(body.path("delayMillis").asLong(0)),
                body.path("dropConnection").asBoolean(false),
                body.path("times").asInt(1));
        int queued = emulator.fault(path, fault);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("path", path);
        answer.put("queued", queued);
        Exchanges.json(exchange, 201, answer, emulator.json);
    }

    private void clearFaults(HttpExchange exchange) throws IOException {
        emulator.clearFaults();
        ok(exchange, Map.of("cleared", true));
    }

    private List<Map<String, String>> clients() {
        return emulator.clients.all().stream()
                .map(client -> Map.of("clientId", client.clientId(), "redirectUri", client.redirectUri()))
                .toList();
    }

    /** JSON {@code {"certificate","redirectUri","clientId"?}}, or the PEM itself with {@code ?redirectUri=}. */
    private void register(HttpExchange exchange) throws IOException {
        String certificate;
        String redirectUri;
        String clientId;
        if (Exchanges.contentType(exchange).startsWith("application/json")) {
            JsonNode body = jsonBody(exchange);
            certificate = body.path("certificate").asText(null);
            redirectUri = body.path("redirectUri").asText(null);
            clientId = body.hasNonNull("clientId") ? body.get("clientId").asText() : null;
        } else {
            Map<String, String> query = Exchanges.query(exchange);
            certificate = Exchanges.body(exchange);
            redirectUri = query.get("redirectUri");
            clientId = query.get("clientId");
        }
        String registered = clientId == null
                ? emulator.registerClient(certificate, redirectUri)
                : emulator.seedClient(clientId, certificate, redirectUri);
        Exchanges.json(exchange, 201, Map.of("clientId", registered, "redirectUri", redirectUri), emulator.json);
    }

    private void accounts(HttpExchange exchange) throws IOException {
        int count = emulator.accounts(Exchanges.body(exchange));
        ok(exchange, Map.of("accounts", count));
    }

    private void reset(HttpExchange exchange) throws IOException {
        emulator.reset();
        ok(exchange, Map.of("reset", true));
    }

    /** Answers first, then signals the owner, which closes the emulator once the answer is out. */
    private void shutdown(HttpExchange exchange) throws IOException {
        ok(exchange, Map.of("stopping", true));
        emulator.requestShutdown();
    }

    private void revokeOrNotFound(HttpExchange exchange, String route) throws IOException {
        String prefix = "POST /admin/clients/";
        String suffix = "/revoke";
        if (route.startsWith(prefix) && route.endsWith(suffix) && route.length() > prefix.length() + suffix.length()) {
            String clientId = route.substring(prefix.length(), route.length() - suffix.length());
            int revoked = emulator.revoke(clientId);
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("clientId", clientId);
            answer.put("revokedRefreshTokens", revoked);
            ok(exchange, answer);
            return;
        }
        Exchanges.error(exchange, 404, "No admin endpoint '" + route + "'; see docs/emulator.md.", emulator.json);
    }
}
