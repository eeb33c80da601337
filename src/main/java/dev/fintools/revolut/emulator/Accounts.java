package dev.fintools.revolut.emulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The accounts fixture, checked once and kept as the bytes {@code GET /accounts} answers with. */
final class Accounts {
    private static final List<String> REQUIRED =
            List.of("id", "balance", "currency", "state", "public", "created_at", "updated_at");

    private final byte[] body;
    private final int size;

    private Accounts(byte[] body, int size) {
        this.body = body;
        this.size = size;
    }

    /** The two accounts of Revolut's guide. */
    static Accounts defaults(ObjectMapper json) {
        try (InputStream in = Accounts.class.getResourceAsStream("default-accounts.json")) {
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), json);
        } catch (IOException e) {
            throw new UncheckedIOException("The emulator's default accounts are missing from its jar", e);
        }
    }

    /**
     * @throws IllegalArgumentException naming the account and field that do not fit the shape of GET /accounts
     */
    static Accounts parse(String text, ObjectMapper json) {
        JsonNode array;
        try {
            array = json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "The accounts fixture is not JSON: " + e.getOriginalMessage()
                            + ". Expected an array of accounts as GET /accounts returns them.",
                    e);
        }
        if (array == null || !array.isArray()) {
            throw new IllegalArgumentException("The accounts fixture must be a JSON array of accounts, such as"
                    + " [{\"id\":\"...\",\"name\":\"Current GBP account\",\"balance\":100.0,\"currency\":\"GBP\","
                    + "\"state\":\"active\",\"public\":false,\"created_at\":\"...\",\"updated_at\":\"...\"}].");
        }
        for (int index = 0; index < array.size(); index++) {
            check(array.get(index), index);
        }
        try {
            return new Accounts(json.writeValueAsBytes(array), array.size());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write the accounts fixture back as JSON", e);
        }
    }

    private static void check(JsonNode account, int index) {
        for (String field : REQUIRED) {
            if (account == null || !account.hasNonNull(field)) {
                throw new IllegalArgumentException("Account " + index + " of the accounts fixture has no '" + field
                        + "'; every account needs " + String.join(", ", REQUIRED) + " (name is optional).");
            }
        }
        if (!account.get("balance").isNumber() || !account.get("public").isBoolean()) {
            throw new IllegalArgumentException("Account " + index + " of the accounts fixture needs a number"
                    + " 'balance' and a boolean 'public'.");
        }
        String state = account.get("state").asText();
        if (!state.equals("active") && !state.equals("inactive")) {
            throw new IllegalArgumentException("Account " + index + " of the accounts fixture has state '" + state
                    + "'; expected 'active' or 'inactive'.");
        }
    }

    byte[] body() {
        return body;
    }

    int size() {
        return size;
    }
}
