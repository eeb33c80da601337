package dev.fintools.revolut.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.function.Executable;

/**
 * The secret values tests send and receive, and the check that none of them ever shows up in an exception
 * message, a cause's message or a {@code toString()}. Every failure a test looks at goes through
 * {@link #thrownBy}, so every message the tests produce is scanned.
 */
public final class TestSecrets {
    public static final String CODE = "oa_sand_authorizationCodeValue0123456789";
    public static final String PRODUCTION_CODE = "oa_prod_authorizationCodeValue0123456789";
    public static final String ACCESS_TOKEN = "oa_sand_accessTokenValueNumberOne0123456";
    public static final String SECOND_ACCESS_TOKEN = "oa_sand_accessTokenValueNumberTwo0123456";
    public static final String REFRESH_TOKEN = "oa_sand_refreshTokenValueOriginal012345";
    public static final String ROTATED_REFRESH_TOKEN = "oa_sand_refreshTokenValueRotated0123456";
    public static final String ASSERTION = "eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJleGFtcGxlLmNvbSJ9.c2lnbmF0dXJlVmFsdWU";

    private static final List<String> ALL = List.of(
            CODE, PRODUCTION_CODE, ACCESS_TOKEN, SECOND_ACCESS_TOKEN, REFRESH_TOKEN, ROTATED_REFRESH_TOKEN, ASSERTION);

    private TestSecrets() {}

    /** Runs the code, expects the exception, and checks that it reveals no secret. */
    public static <T extends Throwable> T thrownBy(Class<T> type, Executable executable) {
        T thrown = assertThrows(type, executable);
        assertRevealsNoSecret(thrown);
        return thrown;
    }

    /** Checks the messages and {@code toString()} of the exception and all its causes. */
    public static void assertRevealsNoSecret(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            assertRevealsNoSecret(t.toString());
            assertRevealsNoSecret(String.valueOf(t.getMessage()));
        }
    }

    /** Checks a text for every secret, and for the part of it after the {@code oa_sand_} prefix. */
    public static void assertRevealsNoSecret(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (String secret : ALL) {
            String withoutPrefix = secret.substring(8).toLowerCase(Locale.ROOT);
            assertThat(lower).as("text revealing a secret").doesNotContain(withoutPrefix);
        }
    }
}
