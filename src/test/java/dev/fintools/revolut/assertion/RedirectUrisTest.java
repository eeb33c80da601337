package dev.fintools.revolut.assertion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RedirectUrisTest {
    @Test
    void takesTheHostOfAFullRedirectUri() {
        assertThat(RedirectUris.issuer("https://example.com/callback?x=1")).isEqualTo("example.com");
    }

    @Test
    void acceptsABareDomain() {
        assertThat(RedirectUris.issuer("example.com")).isEqualTo("example.com");
    }

    @Test
    void dropsThePort() {
        assertThat(RedirectUris.issuer("http://localhost:8080/cb")).isEqualTo("localhost");
    }

    @Test
    void refusesARedirectUriWithoutAHost() {
        AssertionException e = assertThrows(AssertionException.class, () -> RedirectUris.issuer("https:///callback"));

        assertThat(e)
                .hasMessageStartingWith("The redirect URI 'https:///callback' has no host name: expected the OAuth"
                        + " redirect URI registered with the certificate");
    }
}
