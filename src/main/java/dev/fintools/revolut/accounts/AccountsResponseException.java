package dev.fintools.revolut.accounts;

/**
 * The body of {@code GET /accounts} is not the documented list of accounts. The message says what was received (a
 * short excerpt), what was expected and what to do next.
 */
public final class AccountsResponseException extends RuntimeException {
    public AccountsResponseException(String message) {
        super(message);
    }

    public AccountsResponseException(String message, Throwable cause) {
        super(message, cause);
    }
}
