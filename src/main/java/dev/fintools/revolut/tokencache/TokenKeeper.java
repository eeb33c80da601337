package dev.fintools.revolut.tokencache;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Keeps a token file fresh during a long build: a daemon thread refreshes the access token {@code refreshAhead}
 * before it expires and rewrites the file (the bare access token, 0600, atomically), so tests reading it with
 * {@code RevolutToken.current()} always get a working token, also after 40 minutes. It goes through
 * {@link AccessTokens}, so concurrent builds sharing the store still make one refresh between them.
 */
public final class TokenKeeper implements AutoCloseable {
    /** A quarter of the 40-minute life: the token is renewed at 75 % of its life. */
    public static final Duration DEFAULT_REFRESH_AHEAD = Duration.ofMinutes(10);

    static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(30);
    private static final Duration MIN_DELAY = Duration.ofSeconds(1);
    private static final Duration CHECK_INTERVAL = Duration.ofMillis(500);

    private final AccessTokens tokens;
    private final Path tokenFile;
    private final Duration refreshAhead;
    private final Clock clock;
    private final AtomicReference<RuntimeException> lastFailure = new AtomicReference<>();
    private ScheduledExecutorService scheduler;
    private volatile Instant renewAt;

    /**
     * @param tokenFile the file to keep the current access token in
     * @param refreshAhead how long before expiry to renew; must be well below the token's 40-minute life
     */
    public TokenKeeper(AccessTokens tokens, Path tokenFile, Duration refreshAhead, Clock clock) {
        this.tokens = tokens;
        this.tokenFile = tokenFile.toAbsolutePath().normalize();
        this.refreshAhead = refreshAhead;
        this.clock = clock;
    }

    /**
     * Writes a valid token to the file now (failing here if that is impossible) and schedules the renewals.
     *
     * @return the token written
     */
    public synchronized ValidToken start() {
        return start(tokens.get(refreshAhead));
    }

    /**
     * Writes {@code current}, a token the caller just obtained from the same {@link AccessTokens}, to the file now,
     * without reading the store again, and schedules the renewals.
     *
     * @return the token written
     */
    public synchronized ValidToken start(ValidToken current) {
        if (scheduler != null) {
            throw new IllegalStateException("The token keeper for " + tokenFile + " is already running");
        }
        ValidToken token = write(current);
        renewAt = clock.instant().plus(delayUntilRenewal(token));
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "revolut-token-keeper");
            thread.setDaemon(true); // never keeps a finished build's JVM alive
            return thread;
        });
        // Checks the clock often instead of sleeping until the renewal: the clock may jump (a suspended laptop, or
        // the emulator's clock moved forward by a test), and the check is only a comparison.
        long checkMillis = CHECK_INTERVAL.toMillis();
        scheduler.scheduleWithFixedDelay(this::renewIfDue, checkMillis, checkMillis, TimeUnit.MILLISECONDS);
        return token;
    }

    /** Stops the renewals. The token file stays, holding the last token. */
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    public Path tokenFile() {
        return tokenFile;
    }

    /** The failure of the latest background renewal, if it failed; cleared by the next success. */
    public Optional<RuntimeException> lastFailure() {
        return Optional.ofNullable(lastFailure.get());
    }

    private void renewIfDue() {
        if (clock.instant().isBefore(renewAt)) {
            return;
        }
        try {
            ValidToken token = renew();
            lastFailure.set(null);
            renewAt = clock.instant().plus(delayUntilRenewal(token));
        } catch (RuntimeException e) {
            lastFailure.set(e); // the file keeps the previous token, which may still work for a while
            renewAt = clock.instant().plus(RETRY_AFTER_FAILURE);
        }
    }

    private ValidToken renew() {
        return write(tokens.get(refreshAhead));
    }

    private ValidToken write(ValidToken token) {
        try {
            AtomicFiles.write(tokenFile, token.accessToken().reveal().getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new TokenStoreException(
                    tokenFile,
                    false,
                    "Could not write the token file " + tokenFile + " ("
                            + e.getClass().getSimpleName() + ": " + e.getMessage()
                            + "). Check that its folder is writable.",
                    e);
        }
        return token;
    }

    /** When the token is due for renewal: {@code refreshAhead} before it expires, at least 1 s from now. */
    Duration delayUntilRenewal(ValidToken token) {
        Duration delay = Duration.between(clock.instant(), token.expiresAt().minus(refreshAhead));
        return delay.compareTo(MIN_DELAY) < 0 ? MIN_DELAY : delay;
    }

    @Override
    public String toString() {
        return "TokenKeeper[" + tokenFile + ", refresh " + refreshAhead.toMinutes() + " min ahead]";
    }
}
