package dev.fintools.revolut.accounts;

import java.util.Locale;

/** The {@code state} of a Revolut Business account. */
public enum AccountState {
    ACTIVE,
    INACTIVE;

    /** The value as Revolut writes it: {@code active} or {@code inactive}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
