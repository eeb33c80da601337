package dev.fintools.revolut.oauth;

import dev.fintools.revolut.config.Environment;
import dev.fintools.revolut.secrets.Secret;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The authorization code the user got from the consent page: either the bare code or the whole redirect URL
 * copied from the browser's address bar ({@code https://example.com?code=oa_sand_...&state=...}).
 */
public final class CodeInput {
    private final Secret code;
    private final String state;

    private CodeInput(Secret code, String state) {
        this.code = code;
        this.state = state;
    }

    /**
     * Reads a code or a redirect URL and checks that the code belongs to the environment, before anything is sent.
     *
     * @throws IllegalArgumentException saying what is wrong and what to do
     */
    public static CodeInput parse(String codeOrRedirectUrl, Environment environment) {
        String input = codeOrRedirectUrl == null ? "" : codeOrRedirectUrl.trim();
        if (input.isEmpty()) {
            throw new IllegalArgumentException(
                    "No authorization code given: expected the code (" + environment.tokenPrefix()
                            + "...) or the whole URL the consent page redirected to. Open the consent page,"
                            + " approve, and"
                            + " copy the address the browser lands on.");
        }
        CodeInput parsed = input.contains("://") ? fromRedirectUrl(input) : new CodeInput(Secret.of(input), null);
        requireEnvironment(parsed.code, environment);
        return parsed;
    }

    private static CodeInput fromRedirectUrl(String url) {
        Map<String, String> parameters = queryParameters(url);
        String shownUrl = withoutQuery(url);
        if (parameters.containsKey("error")) {
            throw new IllegalArgumentException("The consent page redirected to " + shownUrl + " with error '"
                    + parameters.get("error") + "' instead of a code: the consent was not given. Open the consent"
                    + " page again and approve the access.");
        }
        Secret code = Secret.ofNullable(parameters.get("code"));
        if (code == null) {
            throw new IllegalArgumentException("The redirect URL " + shownUrl + " has no 'code' parameter: expected"
                    + " the address the browser shows after approving on the consent page, such as"
                    + " https://example.com?code=oa_sand_...&state=... Copy the whole address after approving.");
        }
        return new CodeInput(code, parameters.get("state"));
    }

    private static Map<String, String> queryParameters(String url) {
        String query;
        try {
            query = new URI(url).getRawQuery();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("The redirect URL " + withoutQuery(url) + " is not a valid URL ("
                    + e.getReason() + "). Copy the whole address from the browser after approving, or only the"
                    + " value of its code parameter.");
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        if (query == null) {
            return parameters;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            parameters.putIfAbsent(decode(name), decode(value));
        }
        return parameters;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    /** The URL up to its query: the query holds the code, which must not appear in a message. */
    private static String withoutQuery(String url) {
        int cut = url.indexOf('?');
        int hash = url.indexOf('#');
        int end = cut < 0 ? hash : (hash < 0 ? cut : Math.min(cut, hash));
        return end < 0 ? url : url.substring(0, end);
    }

    private static void requireEnvironment(Secret code, Environment environment) {
        if (code.startsWith(environment.tokenPrefix())) {
            return;
        }
        for (Environment other : Environment.values()) {
            if (other != environment && code.startsWith(other.tokenPrefix())) {
                throw new IllegalArgumentException("The authorization code " + code + " is a " + other.id()
                        + " code (" + other.tokenPrefix() + "...) but revolut.environment is " + environment.id()
                        + " (codes start with " + environment.tokenPrefix() + "). Run with -Drevolut.environment="
                        + other.id() + ", or give consent on " + environment.webAppUrl() + " to get a "
                        + environment.id() + " code.");
            }
        }
        throw new IllegalArgumentException("The authorization code " + code + " does not start with "
                + environment.tokenPrefix() + " as " + environment.id() + " codes do. Copy the value of the code"
                + " parameter from the redirect URL, or the whole URL.");
    }

    /** The authorization code. */
    public Secret code() {
        return code;
    }

    /** The {@code state} parameter of the redirect URL, or null when there was none or a bare code was given. */
    public String state() {
        return state;
    }

    @Override
    public String toString() {
        return "CodeInput[code=" + code + ", state=" + state + "]";
    }
}
