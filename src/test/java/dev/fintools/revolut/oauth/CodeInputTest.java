package dev.fintools.revolut.oauth;

import static dev.fintools.revolut.testing.TestSecrets.CODE;
import static dev.fintools.revolut.testing.TestSecrets.PRODUCTION_CODE;
import static dev.fintools.revolut.testing.TestSecrets.assertRevealsNoSecret;
import static dev.fintools.revolut.testing.TestSecrets.thrownBy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fintools.revolut.config.Environment;
import org.junit.jupiter.api.Test;

class CodeInputTest {
    @Test
    void acceptsABareSandboxCode() {
        CodeInput input = CodeInput.parse("  " + CODE + "\n", Environment.SANDBOX);

        assertThat(input.code().reveal()).isEqualTo(CODE);
        assertThat(input.state()).isNull();
    }

    @Test
    void readsCodeAndStateFromAPastedRedirectUrl() {
        CodeInput input =
                CodeInput.parse("https://example.com?code=" + CODE + "&state=build%2042", Environment.SANDBOX);

        assertThat(input.code().reveal()).isEqualTo(CODE);
        assertThat(input.state()).isEqualTo("build 42");
        assertRevealsNoSecret(input.toString());
    }

    @Test
    void readsTheCodeFromARedirectUrlWithAPath() {
        CodeInput input = CodeInput.parse("https://example.com/callback/?state=s&code=" + CODE, Environment.SANDBOX);

        assertThat(input.code().reveal()).isEqualTo(CODE);
    }

    @Test
    void refusesAProductionCodeInSandboxNamingBothEnvironments() {
        IllegalArgumentException e =
                thrownBy(IllegalArgumentException.class, () -> CodeInput.parse(PRODUCTION_CODE, Environment.SANDBOX));

        assertThat(e)
                .hasMessage("The authorization code oa_prod_…789 is a production code (oa_prod_...) but"
                        + " revolut.environment is sandbox (codes start with oa_sand_). Run with"
                        + " -Drevolut.environment=production, or give consent on https://sandbox-business.revolut.com to get"
                        + " a sandbox code.");
    }

    @Test
    void refusesASandboxCodeInProductionFromARedirectUrl() {
        IllegalArgumentException e = thrownBy(
                IllegalArgumentException.class,
                () -> CodeInput.parse("https://example.com?code=" + CODE, Environment.PRODUCTION));

        assertThat(e)
                .hasMessageStartingWith("The authorization code oa_sand_…789 is a sandbox code (oa_sand_...) but"
                        + " revolut.environment is production (codes start with oa_prod_).");
    }

    @Test
    void refusesACodeWithoutAnEnvironmentPrefix() {
        IllegalArgumentException e = thrownBy(
                IllegalArgumentException.class,
                () -> CodeInput.parse("abcdefghijklmnopqrstuvwxyz", Environment.SANDBOX));

        assertThat(e)
                .hasMessage("The authorization code …xyz does not start with oa_sand_ as sandbox codes do. Copy"
                        + " the value of the code parameter from the redirect URL, or the whole URL.");
    }

    @Test
    void refusesARedirectUrlWithoutCode() {
        IllegalArgumentException e = thrownBy(
                IllegalArgumentException.class,
                () -> CodeInput.parse("https://example.com/?state=abc", Environment.SANDBOX));

        assertThat(e)
                .hasMessage("The redirect URL https://example.com/ has no 'code' parameter: expected the address"
                        + " the browser shows after approving on the consent page, such as"
                        + " https://example.com?code=oa_sand_...&state=... Copy the whole address after approving.");
    }

    @Test
    void reportsARefusedConsent() {
        IllegalArgumentException e = thrownBy(
                IllegalArgumentException.class,
                () -> CodeInput.parse("https://example.com?error=access_denied&state=x", Environment.SANDBOX));

        assertThat(e)
                .hasMessage("The consent page redirected to https://example.com with error 'access_denied'"
                        + " instead of a code: the consent was not given. Open the consent page again and approve the"
                        + " access.");
    }

    @Test
    void refusesAnEmptyInput() {
        IllegalArgumentException e =
                thrownBy(IllegalArgumentException.class, () -> CodeInput.parse(" ", Environment.SANDBOX));

        assertThat(e).hasMessageStartingWith("No authorization code given: expected the code (oa_sand_...)");
    }
}
