package dev.fintools.revolut.assertion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AssertionTtlTest {
    @ParameterizedTest
    @CsvSource({"90s,PT1M30S", "10m,PT10M", "2h,PT2H", "7d,PT168H", "PT10M,PT10M", "90d,PT2160H"})
    void readsShortFormsAndIsoDurations(String value, String expected) {
        assertThat(AssertionTtl.parse(value)).isEqualTo(Duration.parse(expected));
    }

    @Test
    void defaultsToTenMinutes() {
        assertThat(AssertionTtl.parse(null)).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void refusesMoreThanNinetyDays() {
        AssertionException e = assertThrows(AssertionException.class, () -> AssertionTtl.parse("91d"));

        assertThat(e)
                .hasMessageStartingWith(
                        "Refusing revolut.assertionTtl '91d': expected more than zero and at" + " most 90 days (90d).");
    }

    @Test
    void refusesZero() {
        assertThrows(AssertionException.class, () -> AssertionTtl.parse("0s"));
    }

    @Test
    void showsTheAcceptedFormsForAnUnreadableValue() {
        AssertionException e = assertThrows(AssertionException.class, () -> AssertionTtl.parse("ten minutes"));

        assertThat(e)
                .hasMessage("Cannot read revolut.assertionTtl 'ten minutes': expected a number with a unit (90s, 10m,"
                        + " 2h, 7d) or an ISO-8601 duration such as PT10M.");
    }
}
