package dev.fintools.revolut.assertion;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.stream.Collectors;

/** The web-app link where the business owner approves the application and receives the authorization code. */
public final class ConsentUrl {
    private ConsentUrl() {}

    /**
     * Builds {@code <webAppUrl>/app-confirm?client_id=...&redirect_uri=...&response_type=code}, with {@code scope}
     * when scopes are given and {@code state} when a state is given.
     *
     * @param webAppUrl such as {@code https://sandbox-business.revolut.com}
     * @param redirectUri exactly as registered; Revolut compares it character by character
     * @param scopes empty to leave the scope out
     * @param state echoed back on the redirect next to the code; null to leave it out
     */
    public static String build(String webAppUrl, String clientId, String redirectUri, Set<Scope> scopes, String state) {
        StringBuilder url = new StringBuilder(withoutTrailingSlash(webAppUrl))
                .append("/app-confirm?client_id=")
                .append(encode(clientId))
                .append("&redirect_uri=")
                .append(encode(redirectUri))
                .append("&response_type=code");
        if (!scopes.isEmpty()) {
            // Scope names are plain letters and underscores; the commas between them stay readable.
            url.append("&scope=").append(scopes.stream().map(Scope::name).collect(Collectors.joining(",")));
        }
        if (state != null && !state.isBlank()) {
            url.append("&state=").append(encode(state));
        }
        return url.toString();
    }

    private static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
