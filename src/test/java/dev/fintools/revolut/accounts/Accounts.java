package dev.fintools.revolut.accounts;

import java.math.BigDecimal;

/** Test accounts, built in one line each; the id of a named account is derived from its name. */
final class Accounts {
    private Accounts() {}

    static Account active(String name, String currency, String balance) {
        return account("id-" + name, name, currency, balance, AccountState.ACTIVE);
    }

    static Account inactive(String name, String currency, String balance) {
        return account("id-" + name, name, currency, balance, AccountState.INACTIVE);
    }

    static Account account(String id, String name, String currency, String balance, AccountState state) {
        return new Account(
                id,
                name,
                new BigDecimal(balance),
                currency,
                state,
                false,
                "2017-06-01T11:11:11.1Z",
                "2017-06-01T11:11:11.1Z");
    }
}
