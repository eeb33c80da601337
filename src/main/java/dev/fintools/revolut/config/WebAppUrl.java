package dev.fintools.revolut.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The Business web app base URL, where certificates are uploaded and consent is given. Only {@code https}, except
 * for loopback hosts where the built-in emulator runs, as for {@link ApiUrl}.
 */
public final class WebAppUrl {
    private WebAppUrl() {}

    /**
     * Parses {@code revolut.webAppUrl}; blank gives the environment's own web app.
     *
     * @return the URL without a trailing slash
     * @throws IllegalArgumentException saying what is wrong and what is accepted
     */
    public static String parse(String value, Environment environment) {
        if (value == null || value.isBlank()) {
            return environment.webAppUrl();
        }
        String trimmed = value.trim();
        URI uri = toUri(trimmed);
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(scheme.equals("http") && ApiUrl.isLoopback(uri.getHost()))) {
            throw new IllegalArgumentException("Refusing revolut.webAppUrl '" + trimmed + "': only https URLs are"
                    + " accepted, or http to a loopback address (localhost, 127.0.0.1, [::1]) such as the built-in"
                    + " emulator. Remove -Drevolut.webAppUrl to use " + environment.webAppUrl() + ".");
        }
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }

    private static URI toUri(String value) {
        try {
            URI uri = new URI(value);
            if (uri.getHost() == null) {
                throw new URISyntaxException(value, "no host");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(
                    "revolut.webAppUrl '" + value + "' is not a URL with a host: expected a form like"
                            + " https://sandbox-business.revolut.com or http://localhost:8080.",
                    e);
        }
    }
}
