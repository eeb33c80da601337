package dev.fintools.revolut.assertion;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The access a consent asks for. */
public enum Scope {
    /** GET operations. */
    READ,
    /** Counterparties, webhooks and payment drafts. */
    WRITE,
    /** Creating or cancelling transactions and exchanges. */
    PAY,
    /** Card details; needs an IP whitelist on the certificate. */
    READ_SENSITIVE_CARD_DATA;

    /**
     * Parses {@code revolut.scope}, such as {@code READ,WRITE}; case does not matter. Blank gives an empty set, which
     * leaves the scope out of the consent URL.
     *
     * @throws AssertionException naming the unknown scope and the accepted ones
     */
    public static Set<Scope> parseList(String value) {
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        if (value == null || value.isBlank()) {
            return scopes;
        }
        for (String name : value.split(",")) {
            scopes.add(parse(name.trim(), value));
        }
        return scopes;
    }

    private static Scope parse(String name, String list) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new AssertionException("Unknown scope '" + name + "' in revolut.scope '" + list + "': expected a"
                    + " comma-separated list of " + names() + ", such as -Drevolut.scope=READ,WRITE.");
        }
    }

    private static String names() {
        return Arrays.stream(values()).map(Scope::name).collect(Collectors.joining(", "));
    }
}
