package dev.fintools.revolut.tokencache;

import static dev.fintools.revolut.testing.TestSecrets.thrownBy;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenLocksTest {
    @TempDir
    private Path folder;

    @Test
    void createsTheLockFileBesideTheStore() {
        TokenStore store = new TokenStore(folder.resolve("tokens.json"));

        try (TokenLocks.Held held = new TokenLocks().lock(store)) {
            assertThat(store.lockFile()).exists();
        }
    }

    @Test
    void letsTheHoldingThreadLockAgain() {
        TokenStore store = new TokenStore(folder.resolve("tokens.json"));
        TokenLocks locks = new TokenLocks(Duration.ofSeconds(1));

        try (TokenLocks.Held outer = locks.lock(store);
                TokenLocks.Held inner = locks.lock(store)) {
            assertThat(inner).isNotNull();
        }
    }

    @Test
    void makesAnotherThreadWaitAndReportsWhenItWaitedTooLong() throws Exception {
        TokenStore store = new TokenStore(folder.resolve("tokens.json"));
        TokenLocks locks = new TokenLocks(Duration.ofSeconds(1));
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = new Thread(() -> {
            try (TokenLocks.Held held = locks.lock(store)) {
                locked.countDown();
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        holder.start();
        locked.await();

        TokenStoreException e = thrownBy(TokenStoreException.class, () -> locks.lock(store));

        release.countDown();
        holder.join();
        assertThat(e)
                .hasMessage("Waited 1 s for the token cache lock " + store.lockFile() + ", held by another"
                        + " thread of this build. If no other build is running, a stuck process holds it: end that process"
                        + " and run again.");
    }

    @Test
    void explainsTwoInstancesLockingTheSameStoreInOneJvm() {
        TokenStore store = new TokenStore(folder.resolve("tokens.json"));

        try (TokenLocks.Held held = new TokenLocks().lock(store)) {
            TokenStoreException e = thrownBy(TokenStoreException.class, () -> new TokenLocks().lock(store));

            assertThat(e)
                    .hasMessage("Another TokenLocks instance of this JVM holds the lock " + store.lockFile()
                            + ": everything in one build must share one TokenLocks instance.");
        }
    }

    @Test
    void makesAnotherProcessWait() throws Exception {
        TokenStore store = new TokenStore(folder.resolve("tokens.json"));
        Process other = OtherProcess.start("hold-lock", store.file().toString(), "20000");
        try {
            BufferedReader output =
                    new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8));
            assertThat(output.readLine()).isEqualTo("locked");

            TokenStoreException e =
                    thrownBy(TokenStoreException.class, () -> new TokenLocks(Duration.ofSeconds(1)).lock(store));

            assertThat(e).hasMessageContaining("held by another build (process).");
        } finally {
            OtherProcess.kill(other);
        }
    }

    @Test
    void freesTheLockForOtherProcessesWhenReleased() throws Exception {
        TokenStore store = new TokenStore(folder.resolve("tokens.json"));
        Process other = OtherProcess.start("hold-lock", store.file().toString(), "20000");
        BufferedReader output =
                new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8));
        assertThat(output.readLine()).isEqualTo("locked");

        OtherProcess.kill(other);

        try (TokenLocks.Held held = new TokenLocks(Duration.ofSeconds(5)).lock(store)) {
            assertThat(held).isNotNull();
        }
    }
}
