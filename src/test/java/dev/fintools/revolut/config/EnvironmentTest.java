package dev.fintools.revolut.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EnvironmentTest {

    @Test
    void parsesTheNamesUsersTypeInAnyCase() {
        assertThat(Environment.parse("Sandbox")).isEqualTo(Environment.SANDBOX);
        assertThat(Environment.parse(" production ")).isEqualTo(Environment.PRODUCTION);
    }

    @Test
    void eachEnvironmentHasItsOwnHostsAndTokenPrefix() {
        assertThat(Environment.SANDBOX.webAppUrl()).isEqualTo("https://sandbox-business.revolut.com");
        assertThat(Environment.PRODUCTION.tokenPrefix()).isEqualTo("oa_prod_");
        assertThat(Environment.SANDBOX.certificateSettingsUrl())
                .isEqualTo("https://sandbox-business.revolut.com/settings/apis?tab=business-api");
    }

    @Test
    void refusesAnUnknownEnvironmentNamingTheAcceptedOnes() {
        assertThatThrownBy(() -> Environment.parse("prod"))
                .hasMessage("Unknown Revolut environment 'prod': expected 'sandbox' or 'production'."
                        + " Set -Drevolut.environment=sandbox or <environment>sandbox</environment>.");
    }
}
