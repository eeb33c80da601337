package dev.fintools.revolut.emulator;

import dev.fintools.revolut.config.Environment;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Runs the emulator as a process of its own, for integration tests that drive several Maven processes against one
 * emulator. Writes its root URL to {@code --url-file} once listening, logs one line per request to standard output,
 * and stops on {@code POST /admin/shutdown}, when its parent process exits, or (with {@code --watch-stdin}) when its
 * standard input closes.
 *
 * <pre>
 * java -cp &lt;plugin classpath&gt; dev.fintools.revolut.emulator.EmulatorMain \
 *     --port 0 --url-file target/emulator.url \
 *     --client ,publiccert.cer,https://example.com --accounts accounts.json --watch-stdin
 * </pre>
 */
public final class EmulatorMain {
    static final String USAGE = String.join(
            System.lineSeparator(),
            "Usage: java -cp <classpath> dev.fintools.revolut.emulator.EmulatorMain [options]",
            "  --port <port>                           loopback port, 0 (default) for any free one",
            "  --url-file <path>                       where to write the root URL once listening",
            "  --client <clientId>,<certificate>,<uri> a client to register; an empty clientId is generated",
            "  --accounts <file>                       the accounts fixture (JSON array)",
            "  --environment sandbox|production        token prefix oa_sand_ (default) or oa_prod_",
            "  --watch-stdin                           stop when standard input closes");

    private EmulatorMain() {}

    /** What the command line asked for. */
    record Options(
            int port,
            Path urlFile,
            List<EmulatorConfig.Client> clients,
            Path accounts,
            Environment environment,
            boolean watchStdin) {

        /**
         * Parses the command line.
         *
         * @throws IllegalArgumentException naming the option at fault, with the usage
         */
        static Options parse(String... args) {
            int port = 0;
            Path urlFile = null;
            List<EmulatorConfig.Client> clients = new ArrayList<>();
            Path accounts = null;
            Environment environment = Environment.SANDBOX;
            boolean watchStdin = false;
            for (int i = 0; i < args.length; i++) {
                String option = args[i];
                switch (option) {
                    case "--port" -> port = port(value(args, ++i, option));
                    case "--url-file" -> urlFile = Path.of(value(args, ++i, option));
                    case "--client" -> clients.add(client(value(args, ++i, option)));
                    case "--accounts" -> accounts = Path.of(value(args, ++i, option));
                    case "--environment" -> environment = Environment.parse(value(args, ++i, option));
                    case "--watch-stdin" -> watchStdin = true;
                    default -> throw new IllegalArgumentException("Unknown option '" + option + "'.");
                }
            }
            return new Options(port, urlFile, List.copyOf(clients), accounts, environment, watchStdin);
        }

        private static String value(String[] args, int index, String option) {
            if (index >= args.length || args[index].startsWith("--")) {
                throw new IllegalArgumentException("Option " + option + " needs a value.");
            }
            return args[index];
        }

        private static int port(String text) {
            try {
                return Integer.parseInt(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--port must be a number; got '" + text + "'.", e);
            }
        }

        /** {@code clientId,certificatePath,redirectUri}; the certificate file is read here. */
        private static EmulatorConfig.Client client(String text) {
            String[] parts = text.split(",", 3);
            if (parts.length != 3 || parts[1].isBlank() || parts[2].isBlank()) {
                throw new IllegalArgumentException("--client must be <clientId>,<certificatePath>,<redirectUri>"
                        + " (clientId may be empty); got '" + text + "'.");
            }
            Path certificate = Path.of(parts[1].strip());
            try {
                return new EmulatorConfig.Client(
                        parts[0].isBlank() ? null : parts[0].strip(),
                        Files.readString(certificate, StandardCharsets.UTF_8),
                        parts[2].strip());
            } catch (IOException e) {
                throw new IllegalArgumentException(
                        "Could not read the --client certificate " + certificate + ": " + e.getMessage(), e);
            }
        }
    }

    public static void main(String[] args) {
        System.exit(run(args, System.in, System.out, ProcessHandle.current().parent()));
    }

    /**
     * Starts the emulator and blocks until it is asked to stop; returns the exit status: 0 after a stop, 1 when it
     * could not start, 2 for a bad command line.
     *
     * @param parent the process whose exit stops the emulator; empty to watch none
     */
    static int run(String[] args, InputStream stdin, PrintStream out, Optional<ProcessHandle> parent) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            out.println(e.getMessage());
            out.println(USAGE);
            return 2;
        }
        RevolutEmulator emulator;
        try {
            emulator = RevolutEmulator.start(config(options, out));
            if (options.urlFile() != null) {
                writeAtomically(options.urlFile(), emulator.url().toString());
            }
        } catch (IllegalArgumentException | UncheckedIOException e) {
            out.println("Could not start the Revolut emulator: " + e.getMessage());
            return 1;
        }
        try (emulator) {
            out.println("Revolut emulator ready at " + emulator.url() + ", clients " + emulator.clientIds());
            out.println("Stopping: " + awaitStop(emulator, options, stdin, parent));
        }
        return 0;
    }

    private static EmulatorConfig config(Options options, PrintStream out) {
        EmulatorConfig.Builder builder = EmulatorConfig.builder()
                .port(options.port())
                .environment(options.environment())
                .log(line -> out.println("[emulator] " + line));
        for (EmulatorConfig.Client client : options.clients()) {
            builder.client(client.clientId(), client.certificatePem(), client.redirectUri());
        }
        if (options.accounts() != null) {
            builder.accountsFile(options.accounts());
        }
        return builder.build();
    }

    /** The reader never sees a partial URL: the file appears complete or not at all. */
    private static void writeAtomically(Path file, String text) {
        try {
            Path absolute = file.toAbsolutePath();
            Files.createDirectories(absolute.getParent());
            Path temporary = Files.createTempFile(
                    absolute.getParent(), absolute.getFileName().toString(), ".tmp");
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the URL file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Waits for the first stop signal and returns why it stopped. */
    private static String awaitStop(
            RevolutEmulator emulator, Options options, InputStream stdin, Optional<ProcessHandle> parent) {
        CompletableFuture<String> stop = new CompletableFuture<>();
        emulator.shutdownRequest().thenRun(() -> stop.complete("POST /admin/shutdown"));
        parent.ifPresent(process ->
                process.onExit().thenRun(() -> stop.complete("parent process " + process.pid() + " exited")));
        if (options.watchStdin()) {
            Thread watcher = new Thread(() -> stop.complete(drain(stdin)), "revolut-emulator-stdin");
            watcher.setDaemon(true);
            watcher.start();
        }
        try {
            return stop.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } catch (ExecutionException e) {
            return "failure " + e.getCause();
        }
    }

    private static String drain(InputStream stdin) {
        byte[] buffer = new byte[256];
        try {
            while (stdin.read(buffer) != -1) {
                // input is ignored; only its end matters
            }
            return "standard input closed";
        } catch (IOException e) {
            return "standard input failed: " + e.getMessage();
        }
    }
}
