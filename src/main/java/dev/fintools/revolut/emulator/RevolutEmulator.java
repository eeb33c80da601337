package dev.fintools.revolut.emulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.fintools.revolut.config.Environment;
import dev.fintools.revolut.secrets.Secret;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * An in-process emulator of Revolut Business's certificate upload, consent, token endpoint and {@code GET /accounts},
 * as strict as Revolut: a client that works against it works against the sandbox. It listens on a loopback port
 * with daemon threads, so it never keeps a JVM alive. See docs/emulator.md.
 *
 * <pre>{@code
 * try (RevolutEmulator emulator = RevolutEmulator.start(EmulatorConfig.defaults())) {
 *     String clientId = emulator.registerClient(certificatePem, "https://example.com");
 *     Secret code = emulator.approveConsent(clientId, "https://example.com", null);
 *     // POST code + assertion to emulator.apiUrl() + "/auth/token", then GET emulator.apiUrl() + "/accounts"
 * }
 * }</pre>
 */
public final class RevolutEmulator implements AutoCloseable {
    private static final int BACKLOG = 256;
    private static final String NO_DELAY = "sun.net.httpserver.nodelay";

    static {
        // The JDK server writes the headers and the body of an answer in two packets; without TCP_NODELAY, Nagle's
        // algorithm and the client's delayed ACK hold each answer about 40 ms, capping a keep-alive connection near
        // 25 requests per second. The JDK reads this property once, when its first server starts; a value the user
        // set wins.
        if (System.getProperty(NO_DELAY) == null) {
            System.setProperty(NO_DELAY, "true");
        }
    }

    final ObjectMapper json = new ObjectMapper();
    final Counts counts = new Counts();
    final Clients clients = new Clients();
    final Grants grants;
    final AssertionVerifier verifier;
    final AtomicReference<Accounts> accounts = new AtomicReference<>();

    private final EmulatorConfig config;
    private final EmulatorClock clock;
    private final Faults faults = new Faults();
    private final Consumer<String> log;
    private final Accounts configuredAccounts;
    private final HttpServer server;
    private final ExecutorService executor;
    private final URI url;
    private final CompletableFuture<Void> shutdownRequest = new CompletableFuture<>();

    private RevolutEmulator(EmulatorConfig config) throws IOException {
        this.config = config;
        this.clock = new EmulatorClock(config.clock());
        this.log = config.log();
        this.grants = new Grants(clock, config.environment().tokenPrefix(), config.rotateRefreshTokens());
        this.verifier = new AssertionVerifier(clock, clients, json);
        this.configuredAccounts =
                config.accountsJson() == null ? Accounts.defaults(json) : Accounts.parse(config.accountsJson(), json);
        accounts.set(configuredAccounts);
        for (EmulatorConfig.Client client : config.clients()) {
            register(client.clientId(), client.certificatePem(), client.redirectUri(), true);
        }
        this.executor = Executors.newFixedThreadPool(config.threads(), daemonThreads());
        this.server =
                HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), config.port()), BACKLOG);
        ApiHandler api = new ApiHandler(this);
        server.createContext("/", api);
        server.createContext("/admin/", new AdminHandler(this));
        server.setExecutor(executor);
        this.url = URI.create("http://" + server.getAddress().getHostString() + ":"
                + server.getAddress().getPort());
    }

    /**
     * Starts an emulator on a loopback port.
     *
     * @throws IllegalArgumentException for a configured client or accounts fixture the emulator refuses
     * @throws UncheckedIOException when the port cannot be bound
     */
    public static RevolutEmulator start(EmulatorConfig config) {
        RevolutEmulator emulator;
        try {
            emulator = new RevolutEmulator(config);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Could not bind the Revolut emulator to 127.0.0.1:" + config.port() + " (" + e.getMessage()
                            + "). Choose another port, or 0 for any free one.",
                    e);
        }
        emulator.startServer();
        return emulator;
    }

    /** Starts the server from a daemon thread: the JDK server's dispatcher thread inherits its daemon status. */
    private void startServer() {
        Thread starter = new Thread(server::start, "revolut-emulator-start");
        starter.setDaemon(true);
        starter.start();
        try {
            starter.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new IllegalStateException("Interrupted while starting the Revolut emulator", e);
        }
        log("Revolut emulator listening on " + url + " (" + config.environment().id() + ")");
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger number = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "revolut-emulator-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** The root, such as {@code http://127.0.0.1:50123}. */
    public URI url() {
        return url;
    }

    /** The API base, {@code <root>/api/1.0}: the value for {@code revolut.apiUrl}. */
    public URI apiUrl() {
        return URI.create(url + "/api/1.0");
    }

    /** The web app, {@code <root>}, where {@code /app-confirm} lives: the value for {@code revolut.webAppUrl}. */
    public URI webAppUrl() {
        return url;
    }

    /** Sandbox ({@code oa_sand_} tokens) or production ({@code oa_prod_}). */
    public Environment environment() {
        return config.environment();
    }

    /**
     * Uploads a certificate as the web app does and returns the new client ID (43 url-safe characters).
     *
     * @throws CertificateRejectedException for what Revolut refuses, such as a bare public key
     * @throws IllegalArgumentException for a redirect URI without scheme or host
     */
    public String registerClient(String certificatePem, String redirectUri) {
        return register(null, certificatePem, redirectUri, false);
    }

    /** Registers a certificate under a client ID the build already uses, such as the one in settings.xml. */
    public String seedClient(String clientId, String certificatePem, String redirectUri) {
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException(
                    "A seeded client needs a client ID; use registerClient to generate" + " one.");
        }
        return register(clientId.strip(), certificatePem, redirectUri, false);
    }

    private String register(String clientId, String certificatePem, String redirectUri, boolean seeded) {
        String id = clientId == null || clientId.isBlank() ? grants.newClientId() : clientId.strip();
        RegisteredClient client = RegisteredClient.of(id, certificatePem, redirectUri, seeded);
        clients.add(client);
        log("Registered client " + id + " with redirect URI " + client.redirectUri());
        return id;
    }

    /**
     * The redirect URI registered for a client.
     *
     * @throws IllegalArgumentException for an unknown client ID
     */
    public String redirectUri(String clientId) {
        RegisteredClient client = clients.find(clientId);
        if (client == null) {
            throw new IllegalArgumentException(
                    "No client '" + clientId + "' is registered; registered: " + clientIds() + ".");
        }
        return client.redirectUri();
    }

    /** The registered client IDs. */
    public List<String> clientIds() {
        return clients.all().stream().map(RegisteredClient::clientId).sorted().toList();
    }

    /**
     * Replaces the accounts {@code GET /accounts} returns; returns how many there are.
     *
     * @throws IllegalArgumentException when the JSON is not an array shaped as Revolut's accounts
     */
    public int accounts(String accountsJson) {
        Accounts parsed = Accounts.parse(accountsJson, json);
        accounts.set(parsed);
        log("Accounts fixture replaced: " + parsed.size() + " accounts");
        return parsed.size();
    }

    /** Moves the emulator's clock forward, to expire codes, access tokens and assertions without waiting. */
    public void advanceClock(Duration amount) {
        clock.advance(amount);
        log("Clock advanced by " + amount + " to " + clock.instant());
    }

    /** The emulator's current time. */
    public Instant now() {
        return clock.instant();
    }

    /**
     * Queues a fault for the next requests to a path, such as {@code /api/1.0/accounts}; returns how many
     * requests to that path now have a fault waiting.
     */
    public int fault(String path, Fault fault) {
        if (!ApiHandler.faultablePaths().contains(path)) {
            throw new IllegalArgumentException(
                    "Faults apply to " + ApiHandler.faultablePaths() + "; got path '" + path + "'.");
        }
        int queued = faults.add(path, fault);
        log("Fault queued for " + path + ": status " + fault.status() + ", " + fault.times() + " time(s)");
        return queued;
    }

    /** Forgets every queued fault. */
    public void clearFaults() {
        faults.clear();
    }

    /** Requests so far: {@code {"token":{"authorization_code":1,"refresh_token":2},"accounts":5,"consent":1}}. */
    public Map<String, Object> counts() {
        return counts.snapshot();
    }

    /**
     * Revokes a client's refresh tokens and so its access tokens, as when the 90-day consent runs out: refreshing
     * then fails with {@code invalid_grant}. Returns how many refresh tokens were revoked.
     *
     * @throws IllegalArgumentException for an unknown client ID
     */
    public int revoke(String clientId) {
        if (clients.find(clientId) == null) {
            throw new IllegalArgumentException(
                    "No client '" + clientId + "' is registered; registered: " + clientIds() + ".");
        }
        int revoked = grants.revoke(clientId);
        log("Revoked " + revoked + " refresh token(s) of client " + clientId);
        return revoked;
    }

    /**
     * Gives consent as {@code /app-confirm} does, without HTTP, and returns the authorization code. For tests only.
     *
     * @param scope comma-separated scopes, or null for READ, WRITE and PAY
     * @throws IllegalArgumentException as {@code /app-confirm} would answer 400
     */
    public Secret approveConsent(String clientId, String redirectUri, String scope) {
        RegisteredClient client = consentingClient(clientId, redirectUri);
        Set<Scope> scopes = Scope.parse(scope);
        return Secret.of(grants.newCode(client.clientId(), scopes));
    }

    /** The consent step of {@code /app-confirm}: returns the redirect location with the code. */
    String approve(Map<String, String> query) {
        if (!"code".equals(query.get("response_type"))) {
            throw new IllegalArgumentException(
                    "response_type must be 'code'; got '" + query.getOrDefault("response_type", "(missing)") + "'.");
        }
        String redirectUri = query.get("redirect_uri");
        Secret code = approveConsent(query.get("client_id"), redirectUri, query.get("scope"));
        StringBuilder location = new StringBuilder(redirectUri)
                .append(redirectUri.contains("?") ? '&' : '?')
                .append("code=")
                .append(URLEncoder.encode(code.reveal(), StandardCharsets.UTF_8));
        String state = query.get("state");
        if (state != null) {
            location.append("&state=").append(URLEncoder.encode(state, StandardCharsets.UTF_8));
        }
        return location.toString();
    }

    private RegisteredClient consentingClient(String clientId, String redirectUri) {
        RegisteredClient client = clientId == null ? null : clients.find(clientId);
        if (client == null) {
            throw new IllegalArgumentException("Unknown client_id '" + AssertionVerifier.shown(clientId)
                    + "': upload the certificate first and use the ClientID shown.");
        }
        if (!client.redirectUri().equals(redirectUri)) {
            throw new IllegalArgumentException("redirect_uri '" + (redirectUri == null ? "(missing)" : redirectUri)
                    + "' does not match the one registered for client " + clientId + ": '" + client.redirectUri()
                    + "'. It must match exactly.");
        }
        return client;
    }

    /**
     * Back to the state after start: tokens, codes, faults, counts, clock offset and runtime-registered clients go;
     * the configured clients and accounts come back.
     */
    public void reset() {
        grants.clear();
        faults.clear();
        counts.reset();
        clock.reset();
        clients.removeUploaded();
        accounts.set(configuredAccounts);
        log("Emulator reset");
    }

    /**
     * Completes when {@code POST /admin/shutdown} is received. The emulator does not stop by itself: whoever runs it
     * (the {@code revolut:emulator} goal, {@link EmulatorMain}) waits on this and then calls {@link #close()}.
     */
    public CompletableFuture<Void> shutdownRequest() {
        return shutdownRequest.copy();
    }

    void requestShutdown() {
        log("Shutdown requested over the admin API");
        shutdownRequest.complete(null);
    }

    /** Plays the queued fault for this request, if any; true when it answered (or dropped) the request. */
    boolean playFault(HttpExchange exchange) throws IOException {
        Fault fault = faults.next(exchange.getRequestURI().getPath());
        if (fault == null) {
            return false;
        }
        sleep(fault.delay());
        log(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " fault: "
                + (fault.drop() ? "connection dropped" : "status " + fault.status()));
        if (fault.drop()) {
            exchange.close(); // closing before any response header closes the socket without an answer
            return true;
        }
        if (fault.status() == 0) {
            return false;
        }
        if (fault.retryAfter() != null) {
            exchange.getResponseHeaders().set("Retry-After", fault.retryAfter());
        }
        byte[] body = fault.body() == null ? new byte[0] : fault.body().getBytes(StandardCharsets.UTF_8);
        if (body.length > 0 && fault.body().strip().startsWith("{")) {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
        }
        Exchanges.send(exchange, fault.status(), body);
        return true;
    }

    private static void sleep(Duration delay) {
        if (delay.isZero()) {
            return;
        }
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void log(String line) {
        log.accept(line);
    }

    /** Stops the server and its threads. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        log("Revolut emulator on " + url + " stopped");
    }

    @Override
    public String toString() {
        return "RevolutEmulator[" + url + ", " + config.environment().id() + "]";
    }
}
