package dev.fintools.revolut.accounts;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One entry of Revolut's {@code GET /accounts} response. Holds no secret.
 *
 * @param id the account's UUID, as received
 * @param name the account's name, or null when Revolut sends none
 * @param balance the balance, exactly as received (no rounding)
 * @param currency the ISO 4217 code, upper case, such as {@code GBP}
 * @param state active or inactive
 * @param isPublic the {@code public} flag; false when absent
 * @param createdAt the {@code created_at} ISO 8601 timestamp as received, or null when absent
 * @param updatedAt the {@code updated_at} ISO 8601 timestamp as received, or null when absent
 */
public record Account(
        String id,
        String name,
        BigDecimal balance,
        String currency,
        AccountState state,
        boolean isPublic,
        String createdAt,
        String updatedAt) {

    public Account {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(balance, "balance");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(state, "state");
    }

    /** Whether the account's state is {@code active}. */
    public boolean isActive() {
        return state == AccountState.ACTIVE;
    }
}
