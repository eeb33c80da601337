package dev.fintools.revolut.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fintools.revolut.assertion.ClientAssertion;
import dev.fintools.revolut.credentials.PrivateKeyReference;
import dev.fintools.revolut.emulator.EmulatorConfig;
import dev.fintools.revolut.emulator.RevolutEmulator;
import dev.fintools.revolut.keys.GeneratedKeys;
import dev.fintools.revolut.keys.PemEncoding;
import dev.fintools.revolut.keys.PrivateKeys;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * The only class of the suite that knows the emulator's API (items 3, 4 and 5 go through it): the plugin's
 * {@link RevolutEmulator}, started in the suite's JVM on a free port of 127.0.0.1 with one client, and the request
 * counts it keeps ({@link RevolutEmulator#counts()}).
 */
final class Emulator implements AutoCloseable {
    static final String CLASS_NAME = "dev.fintools.revolut.emulator.RevolutEmulator";
    static final String ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RevolutEmulator emulator;
    private final Path privateKey;
    private final String assertion;
    private String refreshToken;

    private Emulator(RevolutEmulator emulator, Path privateKey, String assertion) {
        this.emulator = emulator;
        this.privateKey = privateKey;
        this.assertion = assertion;
    }

    static boolean available() {
        try {
            Class.forName(CLASS_NAME);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** Starts an emulator with one client whose key and certificate are written to {@code keysFolder}. */
    static Emulator start(Path keysFolder) throws IOException {
        GeneratedKeys keys = Fixtures.keys();
        Path key = Fixtures.writeKeys(keys, keysFolder);
        RevolutEmulator emulator = RevolutEmulator.start(EmulatorConfig.builder()
                .port(0)
                .client(Fixtures.CLIENT_ID, PemEncoding.certificate(keys.certificate()), Fixtures.REDIRECT_URI)
                .build());
        String assertion = ClientAssertion.sign(
                        PrivateKeys.load(new PrivateKeyReference.File(key), null),
                        Fixtures.CLIENT_ID,
                        Fixtures.REDIRECT_URI,
                        Duration.ofHours(1),
                        Clock.systemUTC())
                .reveal();
        return new Emulator(emulator, key, assertion);
    }

    /** What {@code revolut.apiUrl} takes ({@code <root>/api/1.0}, no trailing slash). */
    String apiUrl() {
        return stripSlash(emulator.apiUrl().toString());
    }

    /** What {@code revolut.webAppUrl} takes. */
    String webAppUrl() {
        return stripSlash(emulator.webAppUrl().toString());
    }

    Path privateKey() {
        return privateKey;
    }

    /** A client assertion (valid one hour) for the suite's own requests to the token endpoint. */
    String assertion() {
        return assertion;
    }

    /** The user's consent, as {@code /app-confirm} gives it: a fresh single-use authorization code. */
    String consentCode() {
        return emulator.approveConsent(Fixtures.CLIENT_ID, Fixtures.REDIRECT_URI, null)
                .reveal();
    }

    /**
     * A refresh token, from one consent and one code exchange sent by the suite (the guide's "Exchange authorization
     * code for access token"); the same one on every call. Counted by the emulator as one authorization_code request.
     */
    synchronized String refreshToken() throws IOException, InterruptedException {
        if (refreshToken == null) {
            String form = "grant_type=authorization_code&code=" + encode(consentCode()) + "&client_id="
                    + encode(Fixtures.CLIENT_ID) + "&client_assertion_type=" + encode(ASSERTION_TYPE)
                    + "&client_assertion=" + encode(assertion);
            HttpResponse<String> response =
                    HttpClient.newHttpClient().send(tokenRequest(form), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("The emulator's code exchange answered " + response.statusCode());
            }
            refreshToken = JSON.readTree(response.body()).path("refresh_token").asText();
        }
        return refreshToken;
    }

    /** A POST of {@code form} to the token endpoint. */
    HttpRequest tokenRequest(String form) {
        return HttpRequest.newBuilder(URI.create(apiUrl() + "/auth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
    }

    /** The environment a build needs to use the token store (client, key, redirect URI), without a refresh token. */
    Map<String, String> clientEnvironment() {
        return Map.of(
                "REVOLUT_CLIENT_ID",
                Fixtures.CLIENT_ID,
                "REVOLUT_REDIRECT_URI",
                Fixtures.REDIRECT_URI,
                "REVOLUT_PRIVATE_KEY",
                privateKey.toString());
    }

    /** {@link #clientEnvironment()} plus REVOLUT_REFRESH_TOKEN, for builds that start without a token store. */
    Map<String, String> buildEnvironment() throws IOException, InterruptedException {
        Map<String, String> environment = new java.util.HashMap<>(clientEnvironment());
        environment.put("REVOLUT_REFRESH_TOKEN", refreshToken());
        return Map.copyOf(environment);
    }

    /** Requests to the token endpoint so far, both grants, from {@link RevolutEmulator#counts()}. */
    long tokenRequests() {
        return tokenRequests("authorization_code") + tokenRequests("refresh_token");
    }

    /** Requests to the token endpoint with this grant type so far (zero counts are left out of the map). */
    long tokenRequests(String grantType) {
        Object token = emulator.counts().get("token");
        if (token instanceof Map<?, ?> byGrant && byGrant.get(grantType) instanceof Number number) {
            return number.longValue();
        }
        return 0;
    }

    /** GET /accounts requests so far. */
    long accountsRequests() {
        return emulator.counts().get("accounts") instanceof Number number ? number.longValue() : 0;
    }

    /** The counts as the emulator reports them, for the page. */
    String countsJson() throws IOException {
        return JSON.writeValueAsString(emulator.counts());
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static JsonNode parse(String body) throws IOException {
        return JSON.readTree(body);
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    @Override
    public void close() {
        emulator.close();
    }
}
