package dev.fintools.revolut.secrets;

import java.util.Objects;

/**
 * A secret value (token, code, assertion, passphrase, key material) that never shows itself: {@link #toString()}
 * gives a masked form such as {@code oa_sand_…S3U}, so a secret that ends up in a log line or an exception message
 * by mistake reveals nothing. Call {@link #reveal()} only where the value is sent or stored.
 */
public final class Secret {
    private static final int SHOWN_SUFFIX = 3;
    private static final int MIN_LENGTH_TO_SHOW_SUFFIX = 16;

    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    /** Wraps a value; a null or blank value gives null, so "not set" stays distinguishable. */
    public static Secret ofNullable(String value) {
        return value == null || value.isBlank() ? null : new Secret(value.trim());
    }

    /** Wraps a value that must be present. */
    public static Secret of(String value) {
        Secret secret = ofNullable(value);
        if (secret == null) {
            throw new IllegalArgumentException("A secret value is empty");
        }
        return secret;
    }

    /** The value itself, for the request or the file that needs it. */
    public String reveal() {
        return value;
    }

    /** Whether the value starts with the given prefix, such as {@code oa_sand_}. */
    public boolean startsWith(String prefix) {
        return value.startsWith(prefix);
    }

    /** A form the user can recognise without learning the secret: {@code oa_sand_…S3U}. */
    public String masked() {
        return mask(value);
    }

    /** Masks any secret string the same way as {@link #masked()}. */
    public static String mask(String value) {
        if (value == null || value.isEmpty()) {
            return "(empty)";
        }
        String prefix = knownPrefix(value);
        if (value.length() < MIN_LENGTH_TO_SHOW_SUFFIX) {
            return prefix + "…";
        }
        return prefix + "…" + value.substring(value.length() - SHOWN_SUFFIX);
    }

    private static String knownPrefix(String value) {
        for (String prefix : new String[] {"oa_sand_", "oa_prod_"}) {
            if (value.startsWith(prefix)) {
                return prefix;
            }
        }
        return "";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret that && value.equals(that.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value);
    }

    @Override
    public String toString() {
        return masked();
    }
}
