package dev.fintools.revolut.assertion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ScopeTest {
    @Test
    void parsesACommaSeparatedListIgnoringCase() {
        assertThat(Scope.parseList("read, Write,READ_SENSITIVE_CARD_DATA"))
                .containsExactly(Scope.READ, Scope.WRITE, Scope.READ_SENSITIVE_CARD_DATA);
    }

    @Test
    void givesNoScopesForABlankValue() {
        assertThat(Scope.parseList(" ")).isEmpty();
    }

    @Test
    void refusesAnUnknownScope() {
        AssertionException e = assertThrows(AssertionException.class, () -> Scope.parseList("READ,ADMIN"));

        assertThat(e)
                .hasMessage("Unknown scope 'ADMIN' in revolut.scope 'READ,ADMIN': expected a comma-separated list of"
                        + " READ, WRITE, PAY, READ_SENSITIVE_CARD_DATA, such as -Drevolut.scope=READ,WRITE.");
    }
}
