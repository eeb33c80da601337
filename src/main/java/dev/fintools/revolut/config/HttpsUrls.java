package dev.fintools.revolut.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** The rule every URL parameter follows: {@code https}, or plain {@code http} only to this machine. */
final class HttpsUrls {
    private HttpsUrls() {}

    /**
     * @param property the parameter, for messages, such as {@code revolut.apiUrl}
     * @param examples valid forms to show, such as {@code https://b2b.revolut.com/api/1.0}
     * @param withoutIt what the user gets by removing the parameter
     * @return the URI without a trailing slash
     * @throws IllegalArgumentException saying what is wrong and what is accepted
     */
    static URI parse(String property, String value, String examples, String withoutIt) {
        String trimmed = value.trim();
        URI uri = toUri(property, trimmed, examples);
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(scheme.equals("http") && ApiUrl.isLoopback(uri.getHost()))) {
            // A token sent over plain HTTP to another host could be read by anyone on the way.
            throw new IllegalArgumentException("Refusing " + property + " '" + trimmed + "': only https URLs are"
                    + " accepted, or http to a loopback address (localhost, 127.0.0.1, [::1]) such as the built-in"
                    + " emulator. Remove -D" + property + " to use " + withoutIt + ".");
        }
        return trimmed.endsWith("/") ? URI.create(trimmed.substring(0, trimmed.length() - 1)) : uri;
    }

    private static URI toUri(String property, String value, String examples) {
        try {
            URI uri = new URI(value);
            if (uri.getHost() == null) {
                throw new URISyntaxException(value, "no host");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(
                    property + " '" + value + "' is not a URL with a host: expected a form like " + examples + ".", e);
        }
    }
}
