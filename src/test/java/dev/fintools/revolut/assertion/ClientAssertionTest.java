package dev.fintools.revolut.assertion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fintools.revolut.keys.GeneratedKeys;
import dev.fintools.revolut.keys.TestKeys;
import dev.fintools.revolut.secrets.Secret;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ClientAssertionTest {
    private static final String CLIENT_ID = "zfTKV9Eie_XLHl03f2Y7vJYDe5Klr6Y54v8fsp4Gvgp";

    private static GeneratedKeys keys;

    @BeforeAll
    static void createKeys() {
        keys = TestKeys.generated();
    }

    @Test
    void hasTheHeaderOfRevolutsGuide() throws Exception {
        JsonNode header = part(sign(), 0);

        assertThat(header.get("alg").asText()).isEqualTo("RS256");
        assertThat(header.get("typ").asText()).isEqualTo("JWT");
        assertThat(header.size()).isEqualTo(2);
    }

    @Test
    void hasTheFourPayloadFieldsOfRevolutsGuide() throws Exception {
        JsonNode payload = part(sign(), 1);

        assertThat(payload.get("iss").asText()).isEqualTo("example.com");
        assertThat(payload.get("sub").asText()).isEqualTo(CLIENT_ID);
        assertThat(payload.get("aud").isTextual()).isTrue();
        assertThat(payload.get("aud").asText()).isEqualTo("https://revolut.com");
        assertThat(payload.size()).isEqualTo(4);
    }

    @Test
    void givesExpAsANumberOfSecondsAfterTheClocksNow() throws Exception {
        JsonNode payload = part(sign(), 1);

        assertThat(payload.get("exp").isNumber()).isTrue();
        assertThat(payload.get("exp").asLong())
                .isEqualTo(TestKeys.CLOCK.instant().plus(Duration.ofMinutes(10)).getEpochSecond());
    }

    @Test
    void isVerifiedByTheCertificateOfItsKey() {
        Secret assertion = sign();

        assertThatCode(() -> ClientAssertion.verify(assertion, keys.certificate(), TestKeys.CLOCK))
                .doesNotThrowAnyException();
    }

    @Test
    void failsVerificationWithTheCertificateOfAnotherKey() {
        Secret assertion = sign();
        GeneratedKeys other = TestKeys.generated();

        AssertionException e = assertThrows(
                AssertionException.class, () -> ClientAssertion.verify(assertion, other.certificate(), TestKeys.CLOCK));

        assertThat(e)
                .hasMessageStartingWith("The private key and the certificate (subject 'CN=payments,O=Acme Ltd,C=GB')"
                        + " do not belong together")
                .hasMessageContaining("Nothing was written.");
        assertThat(e.getMessage()).doesNotContain(assertion.reveal());
    }

    @Test
    void refusesAKeyShorterThan2048Bits() {
        RSAPrivateKey weak = (RSAPrivateKey) TestKeys.pair("RSA", 1024).getPrivate();

        AssertionException e = assertThrows(
                AssertionException.class,
                () -> ClientAssertion.sign(
                        weak, CLIENT_ID, "https://example.com", Duration.ofMinutes(10), TestKeys.CLOCK));

        assertThat(e).hasMessageStartingWith("Refusing an RSA key of 1024 bits: RS256 needs at least 2048.");
    }

    @Test
    void refusesABlankClientId() {
        AssertionException e = assertThrows(
                AssertionException.class,
                () -> ClientAssertion.sign(
                        keys.privateKey(), " ", "https://example.com", Duration.ofMinutes(10), TestKeys.CLOCK));

        assertThat(e).hasMessageStartingWith("The client ID is empty");
    }

    @Test
    void masksTheAssertionWhenPrinted() {
        Secret assertion = sign();

        assertThat(assertion.toString()).doesNotContain(assertion.reveal().substring(0, 20));
    }

    private static Secret sign() {
        return ClientAssertion.sign(
                keys.privateKey(), CLIENT_ID, "https://example.com/callback", Duration.ofMinutes(10), TestKeys.CLOCK);
    }

    private static JsonNode part(Secret assertion, int index) throws Exception {
        String encoded = assertion.reveal().split("\\.")[index];
        return new ObjectMapper().readTree(Base64.getUrlDecoder().decode(encoded));
    }
}
