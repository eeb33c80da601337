package dev.fintools.revolut.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fintools.revolut.keys.GeneratedKeys;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

/**
 * The only class of the suite that knows the emulator's API (items 3, 4 and 5 go through it).
 *
 * <p>ADAPT AFTER MERGE. The emulator was being written while this suite was, so it is reached by reflection and the
 * calls below are the planned names, not a known API. Once {@code dev.fintools.revolut.emulator.RevolutEmulator}
 * exists, replace the reflection in {@link #start}, {@link #close} and {@link #tokenRequests} with direct calls: start
 * it on a free port of 127.0.0.1, register one client (client ID, certificate, redirect URI), obtain a refresh token
 * for it, and read the token-request count from {@code GET /admin/counts}.
 */
final class Emulator implements AutoCloseable {
    static final String CLASS_NAME = "dev.fintools.revolut.emulator.RevolutEmulator";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Object emulator;
    private final String apiUrl;
    private final String refreshToken;
    private final Path privateKey;
    private final HttpClient http = HttpClient.newHttpClient();

    private Emulator(Object emulator, String apiUrl, String refreshToken, Path privateKey) {
        this.emulator = emulator;
        this.apiUrl = apiUrl;
        this.refreshToken = refreshToken;
        this.privateKey = privateKey;
    }

    static boolean available() {
        try {
            Class.forName(CLASS_NAME);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /**
     * Starts an emulator with one client whose key and certificate are written to {@code keysFolder}.
     *
     * <p>ADAPT: planned shape {@code RevolutEmulator.start(0)} (0 = free port), {@code baseUrl()} (the API URL that
     * {@code revolut.apiUrl} takes, ending in {@code /api/1.0}), {@code registerClient(clientId, certificate,
     * redirectUri)} and {@code issueRefreshToken(clientId)}.
     */
    static Emulator start(Path keysFolder) throws IOException {
        GeneratedKeys keys = Fixtures.keys();
        Path key = Fixtures.writeKeys(keys, keysFolder);
        try {
            Class<?> type = Class.forName(CLASS_NAME);
            Object emulator = type.getMethod("start", int.class).invoke(null, 0);
            String apiUrl = String.valueOf(call(emulator, "baseUrl"));
            call(emulator, "registerClient", Fixtures.CLIENT_ID, keys.certificate(), Fixtures.REDIRECT_URI);
            String refreshToken = String.valueOf(call(emulator, "issueRefreshToken", Fixtures.CLIENT_ID));
            return new Emulator(emulator, apiUrl, refreshToken, key);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(
                    "The emulator's API differs from the planned one; adapt benchmarks/.../Emulator.java: " + e, e);
        }
    }

    /** What {@code revolut.apiUrl} takes. */
    String apiUrl() {
        return apiUrl;
    }

    String refreshToken() {
        return refreshToken;
    }

    Path privateKey() {
        return privateKey;
    }

    /** The environment a build needs to get a token from this emulator (the planned REVOLUT_* variables). */
    Map<String, String> buildEnvironment() {
        return Map.of(
                "REVOLUT_CLIENT_ID",
                Fixtures.CLIENT_ID,
                "REVOLUT_REFRESH_TOKEN",
                refreshToken,
                "REVOLUT_REDIRECT_URI",
                Fixtures.REDIRECT_URI,
                "REVOLUT_PRIVATE_KEY",
                privateKey.toString());
    }

    /**
     * Token requests the emulator has answered so far, from {@code GET /admin/counts}.
     *
     * <p>ADAPT: the body's shape is not known yet; this sums every number whose field name contains "token" (such
     * as {@code {"token": 3, "accounts": 10}} or {@code {"auth/token": 3}}).
     */
    long tokenRequests() throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(origin() + "/admin/counts"))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET /admin/counts answered " + response.statusCode());
        }
        return sumTokenCounts(JSON.readTree(response.body()));
    }

    private static long sumTokenCounts(JsonNode node) {
        long sum = 0;
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getValue().isNumber() && field.getKey().toLowerCase().contains("token")) {
                sum += field.getValue().asLong();
            } else if (field.getValue().isObject()) {
                sum += sumTokenCounts(field.getValue());
            }
        }
        return sum;
    }

    /** Scheme, host and port of the API URL: the admin endpoints sit at the root. */
    private String origin() {
        URI uri = URI.create(apiUrl);
        return uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort();
    }

    @Override
    public void close() {
        try {
            call(emulator, "close");
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Could not stop the emulator; adapt Emulator.close(): " + e, e);
        }
    }

    private static Object call(Object target, String name, Object... args) throws ReflectiveOperationException {
        for (Method method : target.getClass().getMethods()) {
            if (method.getName().equals(name) && method.getParameterCount() == args.length) {
                try {
                    return method.invoke(target, args);
                } catch (InvocationTargetException e) {
                    throw e;
                } catch (IllegalArgumentException e) {
                    continue;
                }
            }
        }
        throw new NoSuchMethodException(target.getClass().getName() + "." + name + " with " + args.length + " args");
    }
}
