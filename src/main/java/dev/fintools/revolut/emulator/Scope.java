package dev.fintools.revolut.emulator;

import java.util.EnumSet;
import java.util.Set;

/** The consent scopes Revolut documents. */
public enum Scope {
    /** GET operations, such as listing accounts. */
    READ,
    /** Counterparties, webhooks, payment drafts. */
    WRITE,
    /** Creating or cancelling transactions and exchanges. */
    PAY,
    /** Card details; Revolut also requires an IP whitelist on the certificate (not emulated). */
    READ_SENSITIVE_CARD_DATA;

    /**
     * What a consent without a {@code scope} parameter grants: every scope except
     * {@link #READ_SENSITIVE_CARD_DATA}, which Revolut only grants to certificates with an IP whitelist.
     */
    public static Set<Scope> defaults() {
        return EnumSet.of(READ, WRITE, PAY);
    }

    /**
     * Parses a comma-separated list such as {@code READ,WRITE}; null or blank means {@link #defaults()}.
     *
     * @throws IllegalArgumentException naming the unknown scope and the known ones
     */
    public static Set<Scope> parse(String list) {
        if (list == null || list.isBlank()) {
            return defaults();
        }
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        for (String name : list.split(",", -1)) {
            scopes.add(one(name.strip()));
        }
        return scopes;
    }

    private static Scope one(String name) {
        for (Scope scope : values()) {
            if (scope.name().equals(name)) {
                return scope;
            }
        }
        throw new IllegalArgumentException("Unknown scope '" + name
                + "': expected a comma-separated list of READ, WRITE, PAY, READ_SENSITIVE_CARD_DATA");
    }
}
