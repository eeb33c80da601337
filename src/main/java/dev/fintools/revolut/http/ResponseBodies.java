package dev.fintools.revolut.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.regex.Pattern;

/** Reads Revolut's error bodies and makes short, token-free excerpts of unexpected ones. */
public final class ResponseBodies {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int EXCERPT_LENGTH = 100;
    private static final int MESSAGE_LENGTH = 300;
    // Revolut codes and tokens, JWTs (client assertions), and any long opaque run that could be a secret.
    private static final Pattern SECRET_LOOKING = Pattern.compile(
            "oa_(sand|prod)_[A-Za-z0-9_\\-.]*|eyJ[A-Za-z0-9_\\-]*(\\.[A-Za-z0-9_\\-]*)*" + "|[A-Za-z0-9_\\-+/=]{32,}");

    private ResponseBodies() {}

    /**
     * Revolut's own message: {@code message} of a general error, or {@code error: error_description} of an OAuth
     * error; null when the body is not such JSON.
     */
    public static String revolutMessage(String body) {
        JsonNode node = parseObject(body);
        if (node == null) {
            return null;
        }
        String error = text(node, "error");
        String description = text(node, "error_description");
        String message = text(node, "message");
        if (error != null) {
            return sanitize(description == null ? error : error + ": " + description, MESSAGE_LENGTH);
        }
        return message == null ? null : sanitize(message, MESSAGE_LENGTH);
    }

    /** Revolut's OAuth {@code error} code, or null. */
    public static String oauthError(String body) {
        JsonNode node = parseObject(body);
        return node == null ? null : text(node, "error");
    }

    /** Revolut's OAuth {@code error_description}, sanitized, or null. */
    public static String oauthErrorDescription(String body) {
        JsonNode node = parseObject(body);
        String description = node == null ? null : text(node, "error_description");
        return description == null ? null : sanitize(description, MESSAGE_LENGTH);
    }

    /**
     * What the body looks like and a short excerpt with anything token-like masked, for example {@code an HTML
     * page: "<html><head><title>502 Bad Gateway..."}.
     */
    public static String describe(String body) {
        if (body == null || body.isBlank()) {
            return "an empty body";
        }
        return shape(body) + ": \"" + excerpt(body) + "\"";
    }

    /** What the body looks like, without any of its content: safe for bodies that may hold tokens. */
    public static String shapeOnly(String body) {
        return body == null || body.isBlank() ? "an empty body" : shape(body);
    }

    /** The first characters of a body, one line, with token-like runs replaced by {@code [hidden]}. */
    public static String excerpt(String body) {
        return sanitize(body, EXCERPT_LENGTH);
    }

    static String shape(String body) {
        String start = body.stripLeading().toLowerCase(java.util.Locale.ROOT);
        if (start.startsWith("<")) {
            return start.startsWith("<?xml") ? "XML" : "an HTML page";
        }
        if (start.startsWith("{") || start.startsWith("[")) {
            return isJson(body) ? "JSON of another shape" : "truncated or malformed JSON";
        }
        return "text that is not JSON";
    }

    private static String sanitize(String text, int maxLength) {
        String oneLine = text.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
        String masked = SECRET_LOOKING.matcher(oneLine).replaceAll("[hidden]");
        return masked.length() <= maxLength ? masked : masked.substring(0, maxLength) + "...";
    }

    private static boolean isJson(String body) {
        try {
            JSON.readTree(body);
            return true;
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    private static JsonNode parseObject(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (JsonProcessingException e) {
            return null; // not JSON: callers describe the body instead
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText();
    }
}
