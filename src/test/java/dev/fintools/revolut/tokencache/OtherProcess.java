package dev.fintools.revolut.tokencache;

import dev.fintools.revolut.config.ApiUrl;
import dev.fintools.revolut.config.Environment;
import dev.fintools.revolut.secrets.Secret;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Another JVM working on a store, as a parallel build would: writes in a loop, or holds the lock. */
public final class OtherProcess {
    private OtherProcess() {}

    public static void main(String[] arguments) throws Exception {
        TokenStore store = new TokenStore(Path.of(arguments[1]));
        if (arguments[0].equals("write-forever")) {
            writeForever(store);
        } else {
            try (TokenLocks.Held held = new TokenLocks().lock(store)) {
                System.out.println("locked");
                System.out.flush();
                Thread.sleep(Long.parseLong(arguments[2]));
            }
        }
    }

    private static void writeForever(TokenStore store) {
        ClientIdentity identity = new ClientIdentity("client-1", Environment.SANDBOX, ApiUrl.of(Environment.SANDBOX));
        for (long i = 0; ; i++) {
            String padding = "x".repeat((int) (i % 5000)); // sizes vary so a torn write would show
            store.write(new StoredTokens(
                    identity,
                    Secret.of("oa_sand_refresh" + padding),
                    Secret.of("oa_sand_a" + i),
                    Instant.ofEpochSecond(i),
                    null,
                    StoredTokens.FROM_CONFIGURATION,
                    null));
        }
    }

    /** Starts this class in a new JVM with the test class path. */
    static Process start(String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                OtherProcess.class.getName()));
        command.addAll(List.of(arguments));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    static void kill(Process process) throws InterruptedException {
        process.destroyForcibly(); // SIGKILL on POSIX: no shutdown hook, no finally block runs
        process.waitFor(10, TimeUnit.SECONDS);
    }
}
