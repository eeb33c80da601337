package dev.fintools.revolut.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ApiUrlTest {

    @Test
    void aBlankValueMeansTheEnvironmentsOwnApi() {
        assertThat(ApiUrl.parse(" ", Environment.PRODUCTION).toString()).isEqualTo("https://b2b.revolut.com/api/1.0");
        assertThat(ApiUrl.parse(null, Environment.SANDBOX).toString())
                .isEqualTo("https://sandbox-b2b.revolut.com/api/1.0");
    }

    @Test
    void acceptsHttpsAndDropsATrailingSlash() {
        ApiUrl url = ApiUrl.parse("https://revolut.example/api/1.0/");

        assertThat(url.resolve("auth/token").toString()).isEqualTo("https://revolut.example/api/1.0/auth/token");
        assertThat(url.isLoopback()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://localhost:8080/api/1.0",
                "http://127.0.0.1:1/api/1.0",
                "http://127.1.2.3/x",
                "http://[::1]:9/a"
            })
    void acceptsPlainHttpToLoopbackAddresses(String value) {
        assertThat(ApiUrl.parse(value).isLoopback()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"http://sandbox-b2b.revolut.com/api/1.0", "http://10.0.0.1/api", "http://localhost.evil.com/"})
    void refusesPlainHttpToAnyOtherHost(String value) {
        assertThatThrownBy(() -> ApiUrl.parse(value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Refusing revolut.apiUrl '" + value + "': only https URLs are accepted");
    }

    @Test
    void refusesAValueWithoutAHost() {
        assertThatThrownBy(() -> ApiUrl.parse("sandbox-b2b.revolut.com"))
                .hasMessageStartingWith("revolut.apiUrl 'sandbox-b2b.revolut.com' is not a URL with a host");
    }

    @Test
    void refusesOtherSchemes() {
        assertThatThrownBy(() -> ApiUrl.parse("ftp://example.com/api")).hasMessageContaining("only https URLs");
    }
}
