package dev.fintools.revolut.assertion;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Derives the assertion's {@code iss} from the OAuth redirect URI. */
public final class RedirectUris {
    private RedirectUris() {}

    /**
     * The bare host of the redirect URI, which Revolut expects as {@code iss}: {@code example.com} for both
     * {@code example.com} and {@code https://example.com/callback}. Not the client ID and not a URL, two mistakes
     * Revolut rejects.
     *
     * @throws AssertionException when the value has no host
     */
    public static String issuer(String redirectUri) {
        String value = redirectUri == null ? "" : redirectUri.trim();
        String host = host(value.contains("://") ? value : "https://" + value);
        if (host == null || host.isEmpty()) {
            throw new AssertionException("The redirect URI '" + value + "' has no host name: expected the OAuth"
                    + " redirect URI registered with the certificate, such as https://example.com/callback or"
                    + " example.com. Set revolut.redirectUri, REVOLUT_REDIRECT_URI or the settings.xml"
                    + " <configuration><redirectUri>.");
        }
        return host.toLowerCase(Locale.ROOT);
    }

    private static String host(String uri) {
        try {
            return new URI(uri).getHost();
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
