package dev.fintools.revolut.accounts;

import static dev.fintools.revolut.accounts.Accounts.account;
import static dev.fintools.revolut.accounts.Accounts.active;
import static dev.fintools.revolut.accounts.Accounts.inactive;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExpectationsTest {
    private static final String CURRENCY_EXAMPLE = " (for example -Drevolut.expectedCurrencies=GBP,EUR).";
    private static final String BALANCE_EXAMPLE = " (for example -Drevolut.minBalances=GBP:100,EUR:50.5).";

    @Test
    void readsCurrenciesInAnyCaseAsUpperCaseCodes() {
        Expectations expectations = Expectations.parse(" gbp, Eur ,GBP,", 0, null, false);

        assertThat(expectations.expectedCurrencies()).containsExactly("GBP", "EUR");
    }

    @Test
    void readsMinimumBalancesPerCurrency() {
        Expectations expectations = Expectations.parse(null, 0, "GBP:100, eur : 50.5", false);

        assertThat(expectations.minBalances())
                .containsExactly(entry("GBP", new BigDecimal("100")), entry("EUR", new BigDecimal("50.5")));
    }

    @Test
    void expectsNothingWhenNothingIsConfigured() {
        Expectations expectations = Expectations.parse(" ", 0, "", false);

        assertThat(expectations.unmet(List.of())).isEmpty();
    }

    @Test
    void refusesACurrencyThatIsNotThreeLettersShowingTheExpectedForm() {
        InvalidExpectationsException e =
                assertThrows(InvalidExpectationsException.class, () -> Expectations.parse("GBP,EURO", 0, null, false));

        assertThat(e)
                .hasMessage("Invalid accounts expectations (1 problem):\n- revolut.expectedCurrencies: 'EURO' is not"
                        + " a currency code; expected a 3-letter ISO 4217 code such as EUR or GBP" + CURRENCY_EXAMPLE);
    }

    @Test
    void refusesThreeLettersThatAreNoIsoCurrency() {
        InvalidExpectationsException e =
                assertThrows(InvalidExpectationsException.class, () -> Expectations.parse("ABC", 0, null, false));

        assertThat(e.problems())
                .containsExactly("revolut.expectedCurrencies: 'ABC' is not an ISO 4217 currency code; expected one"
                        + " such as EUR, GBP or USD" + CURRENCY_EXAMPLE);
    }

    @Test
    void refusesANegativeMinimumNumberOfAccounts() {
        InvalidExpectationsException e =
                assertThrows(InvalidExpectationsException.class, () -> Expectations.parse(null, -1, null, false));

        assertThat(e.problems())
                .containsExactly("revolut.minAccounts is -1; expected 0 or more (0 turns the check off), such as"
                        + " -Drevolut.minAccounts=2.");
    }

    @Test
    void refusesAMinimumBalanceWithoutColon() {
        InvalidExpectationsException e =
                assertThrows(InvalidExpectationsException.class, () -> Expectations.parse(null, 0, "GBP100", false));

        assertThat(e.problems())
                .containsExactly("revolut.minBalances: 'GBP100' has no ':'; expected CURRENCY:AMOUNT entries separated"
                        + " by commas" + BALANCE_EXAMPLE);
    }

    @Test
    void refusesAMinimumBalanceWhoseAmountIsNotANumber() {
        InvalidExpectationsException e =
                assertThrows(InvalidExpectationsException.class, () -> Expectations.parse(null, 0, "GBP:ten", false));

        assertThat(e.problems())
                .containsExactly("revolut.minBalances: in 'GBP:ten', the amount 'ten' is not a number; expected digits"
                        + " with an optional '.' and decimals, such as 50.5" + BALANCE_EXAMPLE);
    }

    @Test
    void refusesAMinimumBalanceWithoutAmount() {
        InvalidExpectationsException e =
                assertThrows(InvalidExpectationsException.class, () -> Expectations.parse(null, 0, "GBP:", false));

        assertThat(e.problems())
                .containsExactly("revolut.minBalances: in 'GBP:', the amount is missing; expected CURRENCY:AMOUNT such"
                        + " as GBP:100" + BALANCE_EXAMPLE);
    }

    @Test
    void refusesAMinimumBalanceForABadCurrency() {
        InvalidExpectationsException e =
                assertThrows(InvalidExpectationsException.class, () -> Expectations.parse(null, 0, "POUND:100", false));

        assertThat(e.problems())
                .containsExactly("revolut.minBalances: in 'POUND:100', 'POUND' is not a currency code; expected a"
                        + " 3-letter ISO 4217 code such as EUR or GBP" + BALANCE_EXAMPLE);
    }

    @Test
    void refusesTwoMinimumBalancesForTheSameCurrency() {
        InvalidExpectationsException e = assertThrows(
                InvalidExpectationsException.class, () -> Expectations.parse(null, 0, "GBP:100,gbp:200", false));

        assertThat(e.problems())
                .containsExactly("revolut.minBalances: GBP is given more than once; keep one entry per currency"
                        + BALANCE_EXAMPLE);
    }

    @Test
    void listsEveryBadEntryInOneException() {
        InvalidExpectationsException e = assertThrows(
                InvalidExpectationsException.class, () -> Expectations.parse("EURO,gbp,US", -3, "GBP:1O0,EUR50", true));

        assertThat(e)
                .hasMessage("Invalid accounts expectations (5 problems):\n"
                        + "- revolut.expectedCurrencies: 'EURO' is not a currency code; expected a 3-letter ISO 4217"
                        + " code such as EUR or GBP" + CURRENCY_EXAMPLE + "\n"
                        + "- revolut.expectedCurrencies: 'US' is not a currency code; expected a 3-letter ISO 4217"
                        + " code such as EUR or GBP" + CURRENCY_EXAMPLE + "\n"
                        + "- revolut.minAccounts is -3; expected 0 or more (0 turns the check off), such as"
                        + " -Drevolut.minAccounts=2.\n"
                        + "- revolut.minBalances: in 'GBP:1O0', the amount '1O0' is not a number; expected digits"
                        + " with an optional '.' and decimals, such as 50.5" + BALANCE_EXAMPLE + "\n"
                        + "- revolut.minBalances: 'EUR50' has no ':'; expected CURRENCY:AMOUNT entries separated by"
                        + " commas" + BALANCE_EXAMPLE);
    }

    @Test
    void isMetByRevolutsDocumentedExample() {
        Expectations expectations = Expectations.parse("GBP,EUR", 2, "GBP:100,EUR:1234", true);

        assertThat(expectations.unmet(AccountsParser.parse(AccountsParserTest.DOCUMENTED_EXAMPLE)))
                .isEmpty();
    }

    @Test
    void reportsAnExpectedCurrencyWithOnlyInactiveAccounts() {
        Expectations expectations = Expectations.parse("GBP", 0, null, false);

        List<String> unmet = expectations.unmet(List.of(inactive("Old GBP", "GBP", "5")));

        assertThat(unmet)
                .containsExactly("Expected at least one active GBP account, found none (GBP accounts: 1 inactive).");
    }

    @Test
    void reportsAnExpectedCurrencyWithNoAccountNamingTheCurrenciesPresent() {
        Expectations expectations = Expectations.parse("usd", 0, null, false);

        List<String> unmet =
                expectations.unmet(List.of(active("A", "GBP", "1"), active("B", "EUR", "1"), active("C", "GBP", "1")));

        assertThat(unmet)
                .containsExactly("Expected at least one active USD account, found none (no USD account; currencies"
                        + " present: GBP, EUR).");
    }

    @Test
    void reportsAnExpectedCurrencyWhenThereIsNoAccountAtAll() {
        Expectations expectations = Expectations.parse("GBP", 0, null, false);

        assertThat(expectations.unmet(List.of()))
                .containsExactly(
                        "Expected at least one active GBP account, found none (GET /accounts returned no accounts).");
    }

    @Test
    void reportsTooFewAccounts() {
        Expectations expectations = Expectations.parse(null, 3, null, false);

        List<String> unmet = expectations.unmet(List.of(active("A", "GBP", "1"), inactive("B", "EUR", "1")));

        assertThat(unmet).containsExactly("Expected at least 3 accounts, found 2.");
    }

    @Test
    void countsInactiveAccountsTowardsTheMinimumNumber() {
        Expectations expectations = Expectations.parse(null, 2, null, false);

        assertThat(expectations.unmet(List.of(active("A", "GBP", "1"), inactive("B", "EUR", "1"))))
                .isEmpty();
    }

    @Test
    void reportsABalanceBelowTheMinimumAsTheSumOfActiveAccounts() {
        Expectations expectations = Expectations.parse(null, 0, "GBP:100", false);

        List<String> unmet = expectations.unmet(
                List.of(active("A", "GBP", "40"), active("B", "GBP", "2.5"), inactive("C", "GBP", "1000")));

        assertThat(unmet)
                .containsExactly(
                        "Expected a GBP balance of at least 100.00, found 42.50 (sum of active GBP accounts).");
    }

    @Test
    void meetsAMinimumBalanceSpreadOverSeveralActiveAccounts() {
        Expectations expectations = Expectations.parse(null, 0, "GBP:100", false);

        assertThat(expectations.unmet(List.of(active("A", "GBP", "60"), active("B", "GBP", "40.00"))))
                .isEmpty();
    }

    @Test
    void reportsAMinimumBalanceInACurrencyWithoutActiveAccount() {
        Expectations expectations = Expectations.parse(null, 0, "JPY:5000", false);

        assertThat(expectations.unmet(List.of(active("A", "GBP", "60"))))
                .containsExactly("Expected a JPY balance of at least 5000, found 0 (no active JPY account).");
    }

    @Test
    void reportsInactiveAccountsWhenAllMustBeActive() {
        Expectations expectations = Expectations.parse(null, 0, null, true);

        List<String> unmet = expectations.unmet(List.of(
                active("A", "GBP", "1"),
                inactive("Old USD", "USD", "0"),
                account("df8d6b20-0725-482e-a29e-fb09631480cf", null, "EUR", "0", AccountState.INACTIVE)));

        assertThat(unmet)
                .containsExactly("Expected every account to be active, found 2 inactive: 'Old USD' (USD), account"
                        + " df8d6b20-0725-482e-a29e-fb09631480cf (EUR).");
    }

    @Test
    void reportsEveryUnmetExpectationTogether() {
        Expectations expectations = Expectations.parse("GBP,USD", 3, "GBP:100,EUR:50", true);

        List<String> unmet = expectations.unmet(List.of(inactive("Old GBP", "GBP", "500"), active("E", "EUR", "42.5")));

        assertThat(unmet)
                .containsExactly(
                        "Expected at least one active GBP account, found none (GBP accounts: 1 inactive).",
                        "Expected at least one active USD account, found none (no USD account; currencies present:"
                                + " GBP, EUR).",
                        "Expected at least 3 accounts, found 2.",
                        "Expected a GBP balance of at least 100.00, found 0.00 (no active GBP account).",
                        "Expected a EUR balance of at least 50.00, found 42.50 (sum of active EUR accounts).",
                        "Expected every account to be active, found 1 inactive: 'Old GBP' (GBP).");
    }
}
