package dev.fintools.revolut.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jsonwebtoken.Jwts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A started emulator with one registered client, and the HTTP calls a client makes, for the tests. */
final class EmulatorFixture implements AutoCloseable {
    static final Instant START = Instant.parse("2024-06-03T15:00:00Z");
    static final String REDIRECT_URI = "https://example.com";
    static final String ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    final List<String> log = new ArrayList<>();
    final RevolutEmulator emulator;
    final String clientId;
    final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    final ObjectMapper json = new ObjectMapper();

    EmulatorFixture() {
        this(EmulatorConfig.builder());
    }

    EmulatorFixture(EmulatorConfig.Builder config) {
        emulator = RevolutEmulator.start(config.clock(Clock.fixed(START, ZoneOffset.UTC))
                .log(line -> {
                    synchronized (log) {
                        log.add(line);
                    }
                })
                .build());
        clientId = emulator.registerClient(TestKeys.CERTIFICATE, REDIRECT_URI);
    }

    /** A valid assertion for the fixture's client, expiring an hour after the emulator's start time. */
    String assertion() {
        return assertion("example.com", clientId, START.plusSeconds(3600), TestKeys.RSA.getPrivate());
    }

    static String assertion(String issuer, String subject, Instant expiry, PrivateKey key) {
        return Jwts.builder()
                .header()
                .add("typ", "JWT")
                .and()
                .issuer(issuer)
                .subject(subject)
                .audience()
                .single("https://revolut.com")
                .expiration(Date.from(expiry))
                .signWith(key, Jwts.SIG.RS256)
                .compact();
    }

    /** An assertion with exactly this payload JSON, signed with the fixture's key. */
    static String assertionWithPayload(String payloadJson) {
        return Jwts.builder()
                .content(payloadJson.getBytes(StandardCharsets.UTF_8))
                .signWith(TestKeys.RSA.getPrivate(), Jwts.SIG.RS256)
                .compact();
    }

    HttpResponse<String> consent(String query) {
        return send(HttpRequest.newBuilder(URI.create(emulator.webAppUrl() + "/app-confirm?" + query))
                .GET()
                .build());
    }

    /** Consents through {@code /app-confirm} and returns the code from the redirect. */
    String code() {
        HttpResponse<String> response =
                consent("client_id=" + clientId + "&redirect_uri=" + REDIRECT_URI + "&response_type=code");
        String location = response.headers().firstValue("Location").orElseThrow();
        return location.substring(location.indexOf("code=") + "code=".length());
    }

    HttpResponse<String> token(Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(emulator.apiUrl() + "/auth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    static Map<String, String> form(String... namesAndValues) {
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            form.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return form;
    }

    HttpResponse<String> exchange(String code, String assertion) {
        return token(form(
                "grant_type", "authorization_code",
                "code", code,
                "client_assertion_type", ASSERTION_TYPE,
                "client_assertion", assertion));
    }

    HttpResponse<String> refresh(String refreshToken, String assertion) {
        return token(form(
                "grant_type", "refresh_token",
                "refresh_token", refreshToken,
                "client_assertion_type", ASSERTION_TYPE,
                "client_assertion", assertion));
    }

    /** Consents and exchanges the code: the token response's JSON. */
    JsonNode tokens() {
        return read(exchange(code(), assertion()));
    }

    HttpResponse<String> accounts(String accessToken) {
        return send(HttpRequest.newBuilder(URI.create(emulator.apiUrl() + "/accounts"))
                .header("Authorization", "Bearer " + accessToken)
                .GET()
                .build());
    }

    HttpResponse<String> admin(String method, String path, String jsonBody) {
        HttpRequest.BodyPublisher body =
                jsonBody == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(jsonBody);
        return send(HttpRequest.newBuilder(URI.create(emulator.url() + path))
                .header("Content-Type", "application/json")
                .method(method, body)
                .build());
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    JsonNode read(HttpResponse<String> response) {
        try {
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String logText() {
        synchronized (log) {
            return String.join("\n", log);
        }
    }

    @Override
    public void close() {
        emulator.close();
    }
}
