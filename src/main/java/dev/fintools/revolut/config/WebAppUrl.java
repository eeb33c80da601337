package dev.fintools.revolut.config;

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
        return HttpsUrls.parse(
                        "revolut.webAppUrl",
                        value,
                        "https://sandbox-business.revolut.com or http://localhost:8080",
                        environment.webAppUrl())
                .toString();
    }
}
