package dev.fintools.revolut.emulator;

import dev.fintools.revolut.config.Environment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How to start the emulator: port, environment (token prefix), clock, log, seeded clients and the accounts fixture.
 * Built with {@link #builder()}; the defaults give a sandbox emulator on a free loopback port with the two accounts of
 * Revolut's guide and no clients.
 */
public final class EmulatorConfig {
    private final int port;
    private final int threads;
    private final Environment environment;
    private final Clock clock;
    private final Consumer<String> log;
    private final List<Client> clients;
    private final String accountsJson;
    private final boolean rotateRefreshTokens;

    /**
     * A client registered at start, as if its certificate had been uploaded in the web app.
     *
     * @param clientId the client ID; null to generate one
     * @param certificatePem the PEM X.509 certificate
     * @param redirectUri the OAuth redirect URI, such as {@code https://example.com}
     */
    public record Client(String clientId, String certificatePem, String redirectUri) {
        @Override
        public String toString() {
            return "Client[" + clientId + ", " + redirectUri + "]";
        }
    }

    private EmulatorConfig(Builder builder) {
        this.port = builder.port;
        this.threads = builder.threads;
        this.environment = builder.environment;
        this.clock = builder.clock;
        this.log = builder.log;
        this.clients = List.copyOf(builder.clients);
        this.accountsJson = builder.accountsJson;
        this.rotateRefreshTokens = builder.rotateRefreshTokens;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The defaults: sandbox, a free port, the system clock, no log. */
    public static EmulatorConfig defaults() {
        return builder().build();
    }

    public int port() {
        return port;
    }

    public int threads() {
        return threads;
    }

    public Environment environment() {
        return environment;
    }

    public Clock clock() {
        return clock;
    }

    public Consumer<String> log() {
        return log;
    }

    public List<Client> clients() {
        return clients;
    }

    /** The accounts fixture as JSON text, or null for the guide's two accounts. */
    public String accountsJson() {
        return accountsJson;
    }

    /** Whether each refresh answers a new refresh token and retires the one presented. */
    public boolean rotateRefreshTokens() {
        return rotateRefreshTokens;
    }

    public static final class Builder {
        private int port;
        private int threads = 16;
        private Environment environment = Environment.SANDBOX;
        private Clock clock = Clock.systemUTC();
        private Consumer<String> log = line -> {};
        private final List<Client> clients = new ArrayList<>();
        private String accountsJson;
        private boolean rotateRefreshTokens;

        private Builder() {}

        /** The loopback port; 0 (the default) picks a free one. */
        public Builder port(int value) {
            if (value < 0 || value > 65535) {
                throw new IllegalArgumentException(
                        "The emulator port must be 0 (any free port) or 1-65535; got " + value);
            }
            port = value;
            return this;
        }

        /** Request threads; 16 by default. */
        public Builder threads(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("The emulator needs at least 1 thread; got " + value);
            }
            threads = value;
            return this;
        }

        /** Sandbox ({@code oa_sand_} tokens, the default) or production ({@code oa_prod_}). */
        public Builder environment(Environment value) {
            environment = Objects.requireNonNull(value, "environment");
            return this;
        }

        /** The clock the emulator starts from; {@link RevolutEmulator#advanceClock} moves it forward. */
        public Builder clock(Clock value) {
            clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** Where the emulator writes one line per request and per admin action; never a token or a code. */
        public Builder log(Consumer<String> value) {
            log = Objects.requireNonNull(value, "log");
            return this;
        }

        /** Registers a client at start; a null client ID is generated. */
        public Builder client(String clientId, String certificatePem, String redirectUri) {
            clients.add(new Client(clientId, certificatePem, redirectUri));
            return this;
        }

        /** Registers a client at start from a certificate file. */
        public Builder client(String clientId, Path certificate, String redirectUri) {
            return client(clientId, read(certificate, "certificate"), redirectUri);
        }

        /** The accounts {@code GET /accounts} returns: a JSON array shaped as Revolut's response. */
        public Builder accountsJson(String value) {
            accountsJson = value;
            return this;
        }

        /** The accounts {@code GET /accounts} returns, from a file holding a JSON array. */
        public Builder accountsFile(Path file) {
            return accountsJson(read(file, "accounts fixture"));
        }

        /**
         * Rotates refresh tokens: each refresh answers a new {@code refresh_token}, and the one presented stops
         * working at once. Revolut's documented refresh answers none (the default, {@code false}); rotation tests that
         * a client stores the new one.
         */
        public Builder rotateRefreshTokens(boolean value) {
            rotateRefreshTokens = value;
            return this;
        }

        public EmulatorConfig build() {
            return new EmulatorConfig(this);
        }

        private static String read(Path file, String what) {
            try {
                return Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not read the " + what + " " + file + ": " + e.getMessage(), e);
            }
        }
    }
}
