package dev.fintools.revolut.accounts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads the body of Revolut's {@code GET /accounts} into {@link Account}s. Unknown fields are ignored, so Revolut may
 * add fields without breaking builds; the fields the checks rely on ({@code id}, {@code currency}, {@code balance},
 * {@code state}) must be present with the documented types, so a change of format fails loudly instead of passing
 * silently.
 */
public final class AccountsParser {
    private static final String WHERE = "GET /accounts";
    private static final int MAX_REVOLUT_MESSAGE_LENGTH = 200;
    private static final String NOT_DOCUMENTED_FORMAT = " This is not Revolut's documented format: check that"
            + " revolut.apiUrl points to Revolut (or an up-to-date emulator); if it does, report this message.";
    private static final Pattern CURRENCY_CODE = Pattern.compile("[A-Za-z]{3}");

    // Exact balances as written (no double rounding, 100.0 stays 100.0) and no silently ignored content after the
    // array.
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private AccountsParser() {}

    /**
     * Parses the raw response body.
     *
     * @param body the body as received, possibly null or empty
     * @return the accounts in the order received; empty when Revolut returns {@code []}
     * @throws AccountsResponseException when the body is not the documented JSON array of accounts
     */
    public static List<Account> parse(String body) {
        JsonNode root = readJson(body);
        if (!root.isArray()) {
            throw notAnArray(root, body);
        }
        List<Account> accounts = new ArrayList<>(root.size());
        for (int index = 0; index < root.size(); index++) {
            accounts.add(account(root.get(index), index + 1));
        }
        return List.copyOf(accounts);
    }

    private static JsonNode readJson(String body) {
        // A byte order mark is legal before JSON text but Jackson refuses it in a String.
        String text = body == null ? "" : body.replaceFirst("^\uFEFF", "").strip();
        if (text.isEmpty()) {
            throw new AccountsResponseException(WHERE + " returned an empty body; expected a JSON array of accounts."
                    + " Check that revolut.apiUrl is the Business API base, such as"
                    + " https://sandbox-b2b.revolut.com/api/1.0.");
        }
        if (text.startsWith("<")) {
            throw new AccountsResponseException(WHERE + " returned an HTML page instead of JSON: '" + Excerpt.head(text)
                    + "'. Check that revolut.apiUrl is the Business API base ending in /api/1.0, such as"
                    + " https://sandbox-b2b.revolut.com/api/1.0, not the web app address.");
        }
        try {
            return MAPPER.readTree(text);
        } catch (JsonEOFException e) {
            throw new AccountsResponseException(
                    WHERE + " returned truncated JSON (" + text.length() + " characters, ending with '"
                            + Excerpt.tail(text) + "'); expected a complete JSON array of accounts."
                            + " The response was cut off on the way: run the goal again, and check any proxy"
                            + " between the build and Revolut if it keeps happening.",
                    e);
        } catch (JsonProcessingException e) {
            throw new AccountsResponseException(
                    WHERE + " returned a body that is not valid JSON (line "
                            + e.getLocation().getLineNr()
                            + ", column " + e.getLocation().getColumnNr() + "): '" + Excerpt.head(text)
                            + "'; expected a JSON array of accounts. Check that revolut.apiUrl points to"
                            + " the Business API, such as https://sandbox-b2b.revolut.com/api/1.0.",
                    e);
        }
    }

    private static AccountsResponseException notAnArray(JsonNode root, String body) {
        if (root.isObject() && root.hasNonNull("message")) {
            return new AccountsResponseException(WHERE + " returned an error instead of a list of accounts: Revolut"
                    + " says \"" + revolutText(root.get("message")) + "\"" + code(root) + "."
                    + " If the access token expired or was refreshed elsewhere, get a new one (mvn revolut:token);"
                    + " the token needs the READ scope.");
        }
        if (root.isObject() && root.hasNonNull("error")) {
            String description =
                    root.hasNonNull("error_description") ? ": " + revolutText(root.get("error_description")) : "";
            return new AccountsResponseException(WHERE + " returned an OAuth error instead of a list of accounts: "
                    + revolutText(root.get("error")) + description + ". Get a new access token (mvn revolut:token).");
        }
        return new AccountsResponseException(WHERE + " returned " + kind(root) + " instead of a JSON array of"
                + " accounts: '" + Excerpt.head(body) + "'. Check that revolut.apiUrl points to the Business API,"
                + " such as https://sandbox-b2b.revolut.com/api/1.0.");
    }

    private static String code(JsonNode root) {
        JsonNode code = root.get("code");
        return code == null || code.isNull() ? "" : " (code " + revolutText(code) + ")";
    }

    private static String revolutText(JsonNode node) {
        return Excerpt.head(node.asText(node.toString()), MAX_REVOLUT_MESSAGE_LENGTH);
    }

    private static Account account(JsonNode node, int position) {
        if (!node.isObject()) {
            throw new AccountsResponseException("Account #" + position + " in the " + WHERE + " response is "
                    + kind(node) + " ('" + Excerpt.head(node.toString()) + "'); expected an object with id,"
                    + " currency, balance and state.");
        }
        FieldReader fields = new FieldReader(node, position);
        return new Account(
                fields.requiredText("id", "a non-empty string (the account's UUID)"),
                fields.optionalText("name"),
                fields.balance(),
                fields.currency(),
                fields.state(),
                fields.optionalBoolean("public"),
                fields.optionalText("created_at"),
                fields.optionalText("updated_at"));
    }

    private static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL, MISSING -> "null";
            default -> "a " + node.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }

    /** Reads and checks the fields of one account object, naming the account in every message. */
    private static final class FieldReader {
        private final JsonNode account;
        private final int position;

        FieldReader(JsonNode account, int position) {
            this.account = account;
            this.position = position;
        }

        String requiredText(String field, String expected) {
            JsonNode value = required(field, expected);
            if (!value.isTextual() || value.asText().isBlank()) {
                throw wrongType(field, value, expected);
            }
            return value.asText();
        }

        String optionalText(String field) {
            JsonNode value = account.get(field);
            if (value == null || value.isNull()) {
                return null;
            }
            if (!value.isTextual()) {
                throw wrongType(field, value, "a string");
            }
            return value.asText();
        }

        boolean optionalBoolean(String field) {
            JsonNode value = account.get(field);
            if (value == null || value.isNull()) {
                return false;
            }
            if (!value.isBoolean()) {
                throw wrongType(field, value, "true or false");
            }
            return value.asBoolean();
        }

        BigDecimal balance() {
            JsonNode value = required("balance", "a number such as 100.0");
            if (!value.isNumber()) {
                throw wrongType("balance", value, "a JSON number such as 100.0");
            }
            return value.decimalValue();
        }

        String currency() {
            String expected = "a 3-letter ISO 4217 code such as \"GBP\"";
            String currency = requiredText("currency", expected);
            if (!CURRENCY_CODE.matcher(currency).matches()) {
                throw wrongType("currency", account.get("currency"), expected);
            }
            return currency.toUpperCase(Locale.ROOT);
        }

        AccountState state() {
            String expected = "\"active\" or \"inactive\"";
            String state = requiredText("state", expected);
            return switch (state) {
                case "active" -> AccountState.ACTIVE;
                case "inactive" -> AccountState.INACTIVE;
                default -> throw wrongType("state", account.get("state"), expected);
            };
        }

        private JsonNode required(String field, String expected) {
            JsonNode value = account.get(field);
            if (value == null || value.isNull()) {
                throw new AccountsResponseException(describe() + " has no '" + field + "'; expected " + expected
                        + ". Received: '" + Excerpt.head(account.toString()) + "'." + NOT_DOCUMENTED_FORMAT);
            }
            return value;
        }

        private AccountsResponseException wrongType(String field, JsonNode value, String expected) {
            return new AccountsResponseException(describe() + " has '" + field + "' = "
                    + Excerpt.head(value.toString()) + " (" + kind(value) + "); expected " + expected + "."
                    + NOT_DOCUMENTED_FORMAT);
        }

        private String describe() {
            JsonNode id = account.get("id");
            String identity = id != null && id.isTextual() ? " (id " + Excerpt.head(id.asText(), 40) + ")" : "";
            return "Account #" + position + identity + " in the " + WHERE + " response";
        }
    }
}
