package dev.fintools.revolut.emulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** Small helpers to read requests and write JSON answers on the JDK server. */
final class Exchanges {
    private Exchanges() {}

    static void json(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        send(exchange, status, body);
    }

    static void json(HttpExchange exchange, int status, Object value, ObjectMapper json) throws IOException {
        json(exchange, status, json.writeValueAsBytes(value));
    }

    static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        if (body.length == 0) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** {@code {"code": status, "message": message}}, the error shape of Revolut's non-OAuth endpoints. */
    static void error(HttpExchange exchange, int status, String message, ObjectMapper json) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", status);
        body.put("message", message);
        json(exchange, status, body, json);
    }

    /** Decodes {@code a=1&b=2}; the first value of a repeated name wins. */
    static Map<String, String> form(String text) {
        Map<String, String> values = new HashMap<>();
        if (text == null || text.isEmpty()) {
            return values;
        }
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            values.putIfAbsent(decode(name), decode(value));
        }
        return values;
    }

    static Map<String, String> query(HttpExchange exchange) {
        return form(exchange.getRequestURI().getRawQuery());
    }

    static String body(HttpExchange exchange) throws IOException {
        return new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    }

    static String contentType(HttpExchange exchange) {
        String value = exchange.getRequestHeaders().getFirst("Content-Type");
        return value == null ? "" : value;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text; // a malformed %-escape stays as sent; validation downstream names the field
        }
    }
}
