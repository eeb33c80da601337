package dev.fintools.revolut.config;

import java.util.Locale;

/** The two Revolut Business environments. They have separate accounts, certificates and client IDs. */
public enum Environment {
    SANDBOX("https://sandbox-b2b.revolut.com/api/1.0", "https://sandbox-business.revolut.com", "oa_sand_"),
    PRODUCTION("https://b2b.revolut.com/api/1.0", "https://business.revolut.com", "oa_prod_");

    private final String apiUrl;
    private final String webAppUrl;
    private final String tokenPrefix;

    Environment(String apiUrl, String webAppUrl, String tokenPrefix) {
        this.apiUrl = apiUrl;
        this.webAppUrl = webAppUrl;
        this.tokenPrefix = tokenPrefix;
    }

    /**
     * Parses the value of {@code revolut.environment}.
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    public static Environment parse(String value) {
        String name = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        return switch (name) {
            case "sandbox" -> SANDBOX;
            case "production" -> PRODUCTION;
            default ->
                throw new IllegalArgumentException("Unknown Revolut environment '" + value
                        + "': expected 'sandbox' or 'production'. Set -Drevolut.environment=sandbox"
                        + " or <environment>sandbox</environment>.");
        };
    }

    /** The default API base, such as {@code https://sandbox-b2b.revolut.com/api/1.0}. */
    public String apiUrl() {
        return apiUrl;
    }

    /** The Business web app, where certificates are uploaded and consent is given. */
    public String webAppUrl() {
        return webAppUrl;
    }

    /** Prefix of codes, access tokens and refresh tokens: {@code oa_sand_} or {@code oa_prod_}. */
    public String tokenPrefix() {
        return tokenPrefix;
    }

    /** The name users type: {@code sandbox} or {@code production}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Where the certificate is uploaded in this environment's web app. */
    public String certificateSettingsUrl() {
        return webAppUrl + "/settings/apis?tab=business-api";
    }
}
