package dev.fintools.revolut.tokencache;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.fintools.revolut.config.ApiUrl;
import dev.fintools.revolut.config.Environment;
import dev.fintools.revolut.secrets.Secret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The token cache file of one client in one environment, such as {@code tokens-sandbox-3f2a9c1d0b7e.json}: JSON
 * with the refresh token, the current access token and its expiry, and when consent was given. Writes are atomic
 * and owner-only (see {@link AtomicFiles}). Callers that read, decide and write hold the lock from
 * {@link TokenLocks} for {@link #file()}.
 */
public final class TokenStore {
    private final Path file;

    public TokenStore(Path file) {
        this.file = file.toAbsolutePath().normalize();
    }

    /** The store of a client in an environment below a folder (such as {@code ~/.revolut}). */
    public static TokenStore inFolder(Path folder, Environment environment, String clientId) {
        String clientKey = Fingerprint.of(clientId).substring(0, 12);
        return new TokenStore(folder.resolve("tokens-" + environment.id() + "-" + clientKey + ".json"));
    }

    public Path file() {
        return file;
    }

    /** The sibling file the OS lock is taken on: {@code <file>.lock}. */
    public Path lockFile() {
        return file.resolveSibling(file.getFileName() + ".lock");
    }

    /**
     * Reads the store.
     *
     * @return empty when there is no file yet
     * @throws TokenStoreException if the file exists but is not a readable token cache
     */
    public Optional<StoredTokens> read() {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw unreadable("it cannot be read (" + e.getClass().getSimpleName() + ")", e);
        }
        return Optional.of(parse(content));
    }

    /**
     * Replaces the store's content atomically, owner-only (0600). Callers hold the lock.
     *
     * @throws TokenStoreException if it cannot be written
     */
    public void write(StoredTokens tokens) {
        try {
            deleteLeftoverTemporaryFiles();
            AtomicFiles.write(file, FlatJson.write(toJson(tokens)));
        } catch (IOException e) {
            throw new TokenStoreException(
                    file,
                    false,
                    "Could not write the token cache " + file + " ("
                            + e.getClass().getSimpleName() + ": " + e.getMessage()
                            + "). Check that the folder exists and"
                            + " is writable by you, and that the disk is not full.",
                    e);
        }
    }

    /** Deletes the store (for example an unreadable one), keeping the lock file. Callers hold the lock. */
    public void discard() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new TokenStoreException(
                    file,
                    true,
                    "Could not delete the token cache " + file + " ("
                            + e.getClass().getSimpleName() + "). Delete it by hand; it only caches tokens.",
                    e);
        }
    }

    /** A crash between creating and moving a temporary file leaves it behind; the lock holder removes it. */
    private void deleteLeftoverTemporaryFiles() throws IOException {
        Path folder = file.getParent();
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(folder, file.getFileName() + ".*.tmp")) {
            for (Path leftover : leftovers) {
                Files.deleteIfExists(leftover);
            }
        }
    }

    private static Map<String, Object> toJson(StoredTokens tokens) {
        Map<String, Object> fields = new LinkedHashMap<>();
        ClientIdentity identity = tokens.identity();
        fields.put("clientId", identity.clientId());
        fields.put("environment", identity.environment().id());
        fields.put("apiUrl", identity.apiUrl().toString());
        fields.put("refreshToken", tokens.refreshToken().reveal());
        fields.put(
                "accessToken",
                tokens.accessToken() == null ? null : tokens.accessToken().reveal());
        fields.put(
                "expiresAt",
                tokens.expiresAt() == null ? null : tokens.expiresAt().getEpochSecond());
        fields.put(
                "consentedAt",
                tokens.consentedAt() == null ? null : tokens.consentedAt().toString());
        fields.put("refreshTokenSource", tokens.refreshTokenSource());
        fields.put("refreshTokenOrigin", tokens.refreshTokenOrigin());
        return fields;
    }

    private StoredTokens parse(byte[] content) {
        Map<String, Object> node = readTree(content);
        ClientIdentity identity = new ClientIdentity(required(node, "clientId"), environment(node), apiUrl(node));
        return new StoredTokens(
                identity,
                Secret.of(required(node, "refreshToken")),
                Secret.ofNullable(optional(node, "accessToken")),
                instant(node, "expiresAt"),
                instant(node, "consentedAt"),
                optional(node, "refreshTokenSource"),
                optional(node, "refreshTokenOrigin"));
    }

    private Map<String, Object> readTree(byte[] content) {
        if (new String(content, StandardCharsets.UTF_8).isBlank()) {
            throw unreadable("it is empty", null);
        }
        try {
            Map<String, Object> node = FlatJson.read(content);
            if (node == null) {
                throw unreadable("it is not a JSON object", null);
            }
            return node;
        } catch (JsonProcessingException e) {
            // Jackson's message quotes the content, which holds tokens: only the position is kept.
            JsonLocation at = e.getLocation();
            String position = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw unreadable("it is not valid JSON" + position, null);
        } catch (IOException e) {
            throw unreadable("it cannot be read (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    private String required(Map<String, Object> node, String field) {
        String value = optional(node, field);
        if (value == null) {
            throw unreadable("the field " + field + " is missing", null);
        }
        return value;
    }

    private static String optional(Map<String, Object> node, String field) {
        Object value = node.get(field);
        return value == null || value.toString().isBlank() ? null : value.toString();
    }

    private Environment environment(Map<String, Object> node) {
        try {
            return Environment.parse(required(node, "environment"));
        } catch (IllegalArgumentException e) {
            throw unreadable("the field environment is not sandbox or production", null);
        }
    }

    private ApiUrl apiUrl(Map<String, Object> node) {
        try {
            return ApiUrl.parse(required(node, "apiUrl"));
        } catch (IllegalArgumentException e) {
            throw unreadable("the field apiUrl is not an accepted API URL", null);
        }
    }

    /** Epoch seconds or ISO-8601 ({@code 2026-12-03T16:40:00Z}). */
    private Instant instant(Map<String, Object> node, String field) {
        Object value = node.get(field);
        if (value == null) {
            return null;
        }
        if (value instanceof Long seconds) {
            return Instant.ofEpochSecond(seconds);
        }
        try {
            return Instant.parse(value.toString());
        } catch (DateTimeParseException e) {
            throw unreadable("the field " + field + " is neither epoch seconds nor an ISO-8601 instant", null);
        }
    }

    private TokenStoreException unreadable(String reason, Throwable cause) {
        return new TokenStoreException(
                file,
                true,
                "The token cache " + file + " is unreadable: " + reason + "."
                        + " It only caches tokens: delete it and run again with the refresh token configured"
                        + " (if Revolut"
                        + " rotated the refresh token since, give consent again instead).",
                cause);
    }

    @Override
    public String toString() {
        return "TokenStore[" + file + "]";
    }
}
