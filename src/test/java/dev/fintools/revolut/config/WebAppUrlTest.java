package dev.fintools.revolut.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class WebAppUrlTest {
    @Test
    void defaultsToTheEnvironmentsWebApp() {
        assertThat(WebAppUrl.parse(null, Environment.PRODUCTION)).isEqualTo("https://business.revolut.com");
    }

    @Test
    void acceptsPlainHttpToLoopbackForTheEmulator() {
        assertThat(WebAppUrl.parse("http://127.0.0.1:8089/", Environment.SANDBOX))
                .isEqualTo("http://127.0.0.1:8089");
    }

    @Test
    void refusesPlainHttpToAnotherHost() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> WebAppUrl.parse("http://example.com", Environment.SANDBOX));

        assertThat(e)
                .hasMessageStartingWith(
                        "Refusing revolut.webAppUrl 'http://example.com': only https URLs are" + " accepted");
    }
}
