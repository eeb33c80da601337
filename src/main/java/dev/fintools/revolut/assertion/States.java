package dev.fintools.revolut.assertion;

import java.security.SecureRandom;
import java.util.Base64;

/** Random {@code state} values for the consent URL, which Revolut returns unchanged next to the code. */
public final class States {
    private static final int STATE_BYTES = 16;

    private States() {}

    /** A random URL-safe state of 128 bits. */
    public static String random(SecureRandom random) {
        byte[] bytes = new byte[STATE_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
