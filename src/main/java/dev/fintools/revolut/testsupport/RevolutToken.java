package dev.fintools.revolut.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * For integration tests: the current Revolut access token, read from the token file each time it is asked for,
 * so a long test run always gets the token the plugin's keeper renewed last. Uses only the JDK.
 *
 * <pre>{@code
 * request.header("Authorization", RevolutToken.bearer());
 * }</pre>
 *
 * The file is named by the system property {@value #PROPERTY} or, if that is unset, the environment variable
 * {@value #ENVIRONMENT_VARIABLE}.
 */
public final class RevolutToken {
    public static final String PROPERTY = "revolut.tokenFile";
    public static final String ENVIRONMENT_VARIABLE = "REVOLUT_TOKEN_FILE";

    private RevolutToken() {}

    /**
     * The access token in the configured token file.
     *
     * @throws IllegalStateException if no file is configured, or it is missing or empty
     */
    public static String current() {
        return current(configuredFile());
    }

    /** The value for an {@code Authorization} header: {@code Bearer <token>}. */
    public static String bearer() {
        return "Bearer " + current();
    }

    /** The access token in the given token file. */
    public static String current(Path tokenFile) {
        String token;
        try {
            token = Files.readString(tokenFile, StandardCharsets.US_ASCII).strip();
        } catch (NoSuchFileException e) {
            throw new IllegalStateException(
                    "The Revolut token file " + tokenFile + " does not exist: the plugin"
                            + " writes it while its token keeper runs. Check that the plugin's goal ran"
                            + " before the tests.",
                    e);
        } catch (IOException e) {
            throw new IllegalStateException(
                    "The Revolut token file " + tokenFile + " cannot be read ("
                            + e.getClass().getSimpleName() + ").",
                    e);
        }
        if (token.isEmpty()) {
            throw new IllegalStateException("The Revolut token file " + tokenFile + " is empty.");
        }
        return token;
    }

    private static Path configuredFile() {
        String path = System.getProperty(PROPERTY);
        if (path == null || path.isBlank()) {
            path = System.getenv(ENVIRONMENT_VARIABLE);
        }
        if (path == null || path.isBlank()) {
            throw new IllegalStateException("No Revolut token file is configured: set the system property "
                    + PROPERTY + " or the environment variable " + ENVIRONMENT_VARIABLE + " to the file the plugin"
                    + " writes (for example in the failsafe plugin's systemPropertyVariables).");
        }
        return Path.of(path.strip());
    }
}
