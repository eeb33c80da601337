package dev.fintools.revolut.tokencache;

import java.nio.file.Path;

/** The token cache cannot be read, written or locked. The message names the file and never its content. */
public final class TokenStoreException extends RuntimeException {
    private final Path file;
    private final boolean unreadable;

    TokenStoreException(Path file, boolean unreadable, String message, Throwable cause) {
        super(message, cause);
        this.file = file;
        this.unreadable = unreadable;
    }

    /** The store (or lock) file concerned. */
    public Path file() {
        return file;
    }

    /**
     * Whether the file exists but is not a readable token cache. The caller may then call
     * {@link AccessTokens#discardStore()} and continue with a refresh token it has from elsewhere.
     */
    public boolean isUnreadable() {
        return unreadable;
    }
}
