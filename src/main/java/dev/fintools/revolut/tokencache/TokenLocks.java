package dev.fintools.revolut.tokencache;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Exclusive access to a token store across threads and processes. Two layers are needed: an OS {@link FileLock}
 * on the store's sibling {@code .lock} file keeps other processes (parallel builds) out, and a
 * {@link ReentrantLock} per store keeps other threads of this JVM out, because the JVM refuses a second file lock
 * on the same file ({@code OverlappingFileLockException}) instead of waiting for it.
 *
 * <p>An instance holds the in-process locks. Everything in one JVM that uses the same stores must share one
 * instance (the Maven goals keep one per Maven session); there is deliberately no global one.
 */
public final class TokenLocks {
    private static final Duration POLL = Duration.ofMillis(50);

    private final Map<Path, ReentrantLock> inProcess = new ConcurrentHashMap<>();
    private final Duration timeout;

    /** Waits at most 2 minutes for a lock: longer than one refresh with all its retries. */
    public TokenLocks() {
        this(Duration.ofMinutes(2));
    }

    public TokenLocks(Duration timeout) {
        this.timeout = timeout;
    }

    /**
     * Takes both locks for a store; close the result to release them. Re-entrant within a thread.
     *
     * @throws TokenStoreException if another thread or process holds the lock for longer than the timeout
     */
    public Held lock(TokenStore store) {
        ReentrantLock lock = inProcess.computeIfAbsent(store.file(), file -> new ReentrantLock());
        acquire(lock, store);
        if (lock.getHoldCount() > 1) {
            return new Held(lock, null, null); // this thread already holds the file lock too
        }
        try {
            FileChannel channel = openLockFile(store);
            return new Held(lock, channel, fileLock(channel, store));
        } catch (RuntimeException e) {
            lock.unlock();
            throw e;
        }
    }

    private void acquire(ReentrantLock lock, TokenStore store) {
        try {
            if (!lock.tryLock(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw timedOut(store, "another thread of this build");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TokenStoreException(
                    store.lockFile(),
                    false,
                    "Interrupted while waiting for the token cache lock " + store.lockFile() + ".",
                    e);
        }
    }

    private static FileChannel openLockFile(TokenStore store) {
        try {
            AtomicFiles.createFolder(store.lockFile().getParent());
            return FileChannel.open(
                    store.lockFile(),
                    Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
                    AtomicFiles.ownerOnly("rw-------"));
        } catch (IOException e) {
            throw new TokenStoreException(
                    store.lockFile(),
                    false,
                    "Could not open the token cache lock file "
                            + store.lockFile() + " (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")."
                            + " Check that its folder is writable by you.",
                    e);
        }
    }

    private FileLock fileLock(FileChannel channel, TokenStore store) {
        try {
            return pollFileLock(channel, store);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    /** Polls, because FileChannel.lock() would wait without limit for a build that hangs. */
    private FileLock pollFileLock(FileChannel channel, TokenStore store) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            for (FileLock fileLock = channel.tryLock(); ; fileLock = channel.tryLock()) {
                if (fileLock != null) {
                    return fileLock;
                }
                if (System.nanoTime() > deadline) {
                    throw timedOut(store, "another build (process)");
                }
                Thread.sleep(POLL.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TokenStoreException(
                    store.lockFile(),
                    false,
                    "Interrupted while waiting for the token cache lock " + store.lockFile() + ".",
                    e);
        } catch (OverlappingFileLockException e) {
            throw new TokenStoreException(
                    store.lockFile(),
                    false,
                    "Another TokenLocks instance of this JVM holds the lock " + store.lockFile()
                            + ": everything in one build must share one TokenLocks instance.",
                    e);
        } catch (IOException e) {
            throw new TokenStoreException(
                    store.lockFile(),
                    false,
                    "Could not lock the token cache lock file " + store.lockFile() + " ("
                            + e.getClass().getSimpleName() + ": " + e.getMessage() + ").",
                    e);
        }
    }

    private TokenStoreException timedOut(TokenStore store, String holder) {
        return new TokenStoreException(
                store.lockFile(),
                false,
                "Waited " + timeout.toSeconds() + " s for the"
                        + " token cache lock " + store.lockFile() + ", held by " + holder + ". If no other build is"
                        + " running, a stuck process holds it: end that process and run again.",
                null);
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // closing only releases the lock, which closing the channel does in every case
        }
    }

    /** Both locks of one store; {@link #close()} releases them. */
    public static final class Held implements AutoCloseable {
        private final ReentrantLock lock;
        private final FileChannel channel;
        private final FileLock fileLock;

        private Held(ReentrantLock lock, FileChannel channel, FileLock fileLock) {
            this.lock = lock;
            this.channel = channel;
            this.fileLock = fileLock;
        }

        @Override
        public void close() {
            try {
                if (channel != null) {
                    releaseQuietly();
                    closeQuietly(channel);
                }
            } finally {
                lock.unlock();
            }
        }

        private void releaseQuietly() {
            try {
                fileLock.release();
            } catch (IOException e) {
                // closing the channel below releases it as well
            }
        }
    }
}
