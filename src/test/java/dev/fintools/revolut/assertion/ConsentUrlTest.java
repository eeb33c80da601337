package dev.fintools.revolut.assertion;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConsentUrlTest {
    @Test
    void buildsTheAppConfirmUrlWithTheRedirectUriEncoded() {
        String url = ConsentUrl.build(
                "https://sandbox-business.revolut.com/", "client-1", "https://example.com/cb", Set.of(), null);

        assertThat(url)
                .isEqualTo("https://sandbox-business.revolut.com/app-confirm?client_id=client-1"
                        + "&redirect_uri=https%3A%2F%2Fexample.com%2Fcb&response_type=code");
    }

    @Test
    void addsTheScopesAndTheState() {
        String url = ConsentUrl.build(
                "https://business.revolut.com",
                "client-1",
                "https://example.com",
                EnumSet.of(Scope.PAY, Scope.READ),
                "s t");

        assertThat(url).endsWith("&response_type=code&scope=READ,PAY&state=s+t");
    }

    @Test
    void makesADifferentRandomStateEachTime() {
        SecureRandom random = new SecureRandom();

        assertThat(States.random(random)).hasSize(22).isNotEqualTo(States.random(random));
    }
}
