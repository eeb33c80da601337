package dev.fintools.revolut.accounts;

import static dev.fintools.revolut.accounts.Accounts.account;
import static dev.fintools.revolut.accounts.Accounts.active;
import static dev.fintools.revolut.accounts.Accounts.inactive;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AccountsTableTest {
    @Test
    void alignsColumnsAndRightAlignsBalancesWithTheCurrencysDecimals() {
        List<Account> accounts = List.of(
                active("Current GBP account", "GBP", "100.0"),
                active("EUR expenses account", "EUR", "1234"),
                account("a3", null, "USD", "-5.5", AccountState.INACTIVE),
                active("Tokyo", "JPY", "150000"));

        String table = AccountsTable.format(accounts);

        assertThat(table).isEqualTo("""
                        Name                  Currency  Balance  State
                        --------------------  --------  -------  --------
                        Current GBP account   GBP        100.00  active
                        EUR expenses account  EUR       1234.00  active
                        (unnamed)             USD         -5.50  inactive
                        Tokyo                 JPY        150000  active\
                        """);
    }

    @Test
    void showsMoreDecimalsThanUsualRatherThanRoundingABalance() {
        String table = AccountsTable.format(List.of(active("A", "GBP", "0.125")));

        assertThat(table.lines()).last().isEqualTo("A     GBP         0.125  active");
    }

    @Test
    void keepsANameWithLineBreaksOnOneLineAndCutsALongOne() {
        String table =
                AccountsTable.format(List.of(inactive("Two\nlines", "GBP", "1"), active("x".repeat(60), "GBP", "1")));

        assertThat(table.lines())
                .hasSize(4)
                .allSatisfy(line -> assertThat(line).doesNotEndWith(" "))
                .contains("Two lines                                 GBP          1.00  inactive")
                .contains("x".repeat(39) + "…  GBP          1.00  active");
    }

    @Test
    void showsOnlyTheHeaderWhenThereAreNoAccounts() {
        assertThat(AccountsTable.format(List.of()))
                .isEqualTo("Name  Currency  Balance  State\n----  --------  -------  -----");
    }
}
