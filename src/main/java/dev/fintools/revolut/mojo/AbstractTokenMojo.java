package dev.fintools.revolut.mojo;

import dev.fintools.revolut.accounts.AccountsResponseException;
import dev.fintools.revolut.assertion.AssertionException;
import dev.fintools.revolut.assertion.ClientAssertion;
import dev.fintools.revolut.assertion.ConsentUrl;
import dev.fintools.revolut.assertion.States;
import dev.fintools.revolut.config.ApiUrl;
import dev.fintools.revolut.config.Durations;
import dev.fintools.revolut.config.Environment;
import dev.fintools.revolut.credentials.CredentialResolver;
import dev.fintools.revolut.credentials.MissingCredentialException;
import dev.fintools.revolut.credentials.PrivateKeyReference;
import dev.fintools.revolut.credentials.Resolved;
import dev.fintools.revolut.emulator.RevolutEmulator;
import dev.fintools.revolut.http.HttpClients;
import dev.fintools.revolut.http.HttpTimeouts;
import dev.fintools.revolut.http.RateLimiter;
import dev.fintools.revolut.http.RequestExecutor;
import dev.fintools.revolut.http.RetryPolicy;
import dev.fintools.revolut.http.RevolutApiException;
import dev.fintools.revolut.http.Sleeper;
import dev.fintools.revolut.keys.KeyMaterialException;
import dev.fintools.revolut.keys.PrivateKeys;
import dev.fintools.revolut.oauth.TokenClient;
import dev.fintools.revolut.secrets.Secret;
import dev.fintools.revolut.tokencache.AccessTokens;
import dev.fintools.revolut.tokencache.ClientIdentity;
import dev.fintools.revolut.tokencache.NoRefreshTokenException;
import dev.fintools.revolut.tokencache.TokenLocks;
import dev.fintools.revolut.tokencache.TokenStore;
import dev.fintools.revolut.tokencache.TokenStoreException;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What {@code token} and {@code verify-accounts} share: the HTTP settings, the token store, and the assertion signed
 * afresh for every request to the token endpoint.
 */
abstract class AbstractTokenMojo extends AbstractRevolutMojo {
    /** Assertions the plugin signs for its own requests live this long: enough for one request and its retries. */
    private static final Duration OWN_ASSERTION_TTL = Duration.ofMinutes(5);
    /** How long Revolut's access tokens live. */
    private static final Duration ACCESS_TOKEN_LIFE = Duration.ofMinutes(40);

    /**
     * The project property to export the access token itself as, such as {@code revolut.accessToken}; its expiry time
     * goes to the same name plus {@code .expiresAt}. Default: none, the token is only in the file
     * {@code revolut.tokenFile}. Opt in only when a plugin cannot read a file: under {@code -X} other plugins print
     * project properties (maven-resources-plugin lists every property it may filter with), and a plugin given
     * {@code ${revolut.accessToken}} prints its configuration, so the token reaches the debug log. Do not declare this
     * property in the POM: the goal sets it.
     */
    @Parameter(property = "revolut.tokenProperty")
    String tokenProperty;

    /**
     * How long a stored access token must still be valid to be reused without a request, such as {@code 5m},
     * {@code 10m} or {@code PT10M}. Revolut's access tokens live 40 minutes.
     */
    @Parameter(property = "revolut.minValidity", defaultValue = "10m")
    String minValidity;

    /** Seconds to wait for a connection to Revolut. */
    @Parameter(property = "revolut.connectTimeoutSeconds", defaultValue = "10")
    int connectTimeoutSeconds;

    /** Seconds to wait for Revolut's answer once connected. */
    @Parameter(property = "revolut.readTimeoutSeconds", defaultValue = "30")
    int readTimeoutSeconds;

    /**
     * How many times a refresh or {@code GET /accounts} is tried in all, on 5xx, 429, timeouts and broken
     * connections. The code exchange is never sent twice: a code works once.
     */
    @Parameter(property = "revolut.retry.maxAttempts", defaultValue = "4")
    int retryMaxAttempts;

    /** The longest time, in seconds, spent on one request and its retries, {@code Retry-After} waits included. */
    @Parameter(property = "revolut.retry.maxWaitSeconds", defaultValue = "60")
    int retryMaxWaitSeconds;

    /**
     * Days before the 90-day consent ends (for businesses that must re-authorise) from which each build warns, with
     * the consent URL. Counted from the code exchange recorded in the token store.
     */
    @Parameter(property = "revolut.consentWarningDays", defaultValue = "14")
    int consentWarningDays;

    Clock clock = Clock.systemUTC();
    Sleeper sleeper = Sleeper.SYSTEM;

    /** Everything a token request needs, resolved and checked in one pass before any request is sent. */
    final class Connection {
        final Environment environment;
        final ApiUrl apiUrl;
        final Resolved<String> clientId;
        final Resolved<String> redirectUri;
        final Optional<Resolved<Secret>> configuredRefreshToken;
        final Duration minimumValidity;
        final Supplier<RequestExecutor> executor = new Memoized<>(this::newExecutor);
        final AccessTokens tokens;
        private final Supplier<RSAPrivateKey> privateKey;

        Connection() throws MojoFailureException, MojoExecutionException {
            environment = environment();
            apiUrl = apiUrl();
            followEmulatorClock(apiUrl);
            minimumValidity = minimumValidity();
            CredentialResolver credentials = credentials();
            clientId = credentials.clientId();
            redirectUri = credentials.redirectUri();
            configuredRefreshToken = credentials.refreshToken();
            privateKey = privateKeyLoader(credentials);
            tokens = accessTokens();
        }

        /** A client assertion signed now for one request, never written anywhere. */
        Secret freshAssertion() {
            return ClientAssertion.sign(
                    privateKey.get(), clientId.value(), redirectUri.value(), OWN_ASSERTION_TTL, clock);
        }

        /** Where to give consent again, for messages. */
        String consentUrl() throws MojoFailureException {
            return ConsentUrl.build(
                    webAppUrl(), clientId.value(), redirectUri.value(), Set.of(), States.random(new SecureRandom()));
        }

        private Supplier<RSAPrivateKey> privateKeyLoader(CredentialResolver credentials) {
            Resolved<PrivateKeyReference> key = credentials
                    .privateKey()
                    .orElseThrow(() -> new KeyMaterialException("No private key configured. Set REVOLUT_PRIVATE_KEY,"
                            + " the settings.xml <privateKey> or revolut.privateKey, or create one with 'mvn"
                            + " revolut:keygen'."));
            Secret passphrase = credentials.passphrase().map(Resolved::value).orElse(null);
            getLog().debug("Private key from " + key.source());
            // Loaded on first use: a build that reuses a stored token never reads or parses the key.
            return new Memoized<>(() -> PrivateKeys.load(key.value(), passphrase));
        }

        /** Made on first use: a build that reuses the stored token loads no HTTP classes at all. */
        private RequestExecutor newExecutor() {
            HttpTimeouts timeouts = new HttpTimeouts(
                    Duration.ofSeconds(connectTimeoutSeconds),
                    Duration.ofSeconds(readTimeoutSeconds),
                    Duration.ofSeconds(connectTimeoutSeconds + readTimeoutSeconds));
            RetryPolicy policy = new RetryPolicy(
                    retryMaxAttempts,
                    Duration.ofSeconds(1),
                    Duration.ofSeconds(8),
                    Duration.ofSeconds(retryMaxWaitSeconds));
            return new RequestExecutor(HttpClients.create(timeouts), policy, sessionRateLimiter(), clock, sleeper)
                    .withRetryNotices(getLog()::warn);
        }

        private AccessTokens accessTokens() throws MojoFailureException {
            TokenStore store = TokenStore.inFolder(environmentHome(), environment, clientId.value());
            return new AccessTokens(
                    store,
                    sessionTokenLocks(),
                    new Memoized<>(() -> new TokenClient(executor.get(), apiUrl, clock)),
                    this::freshAssertion,
                    new ClientIdentity(clientId.value(), environment, apiUrl),
                    configuredRefreshToken.map(Resolved::value).orElse(null),
                    clock);
        }
    }

    /**
     * Tokens expire on the server's clock. When the server is this build's own emulator, whose clock tests move
     * forward, the goal keeps time by that clock, so the stored token and the token file expire when the emulator
     * says they do.
     */
    private void followEmulatorClock(ApiUrl apiUrl) {
        Object shared = session.getRepositorySession().getData().get(SharedEmulator.class);
        if (shared instanceof SharedEmulator emulator) {
            emulator.running()
                    .filter(running -> ApiUrl.parse(running.apiUrl().toString()).equals(apiUrl))
                    .ifPresent(running -> clock = new EmulatorTime(running));
        }
    }

    /** A token lives 40 minutes: a longer minimum would refresh in every build and, in the keeper, without pause. */
    private Duration minimumValidity() throws MojoFailureException {
        Duration value = parseDuration("revolut.minValidity", minValidity);
        if (value.compareTo(ACCESS_TOKEN_LIFE) >= 0) {
            throw new MojoFailureException("revolut.minValidity '" + minValidity + "' is not shorter than the 40"
                    + " minutes an access token lives: no token would ever be reused, and the token file would be"
                    + " refreshed without pause. Use a value such as 10m (the default).");
        }
        return value;
    }

    /** The emulator's clock, which its admin API can move forward. */
    private static final class EmulatorTime extends Clock {
        private final RevolutEmulator emulator;

        EmulatorTime(RevolutEmulator emulator) {
            this.emulator = emulator;
        }

        @Override
        public Instant instant() {
            return emulator.now();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    @Override
    final void run() throws MojoFailureException, MojoExecutionException {
        try {
            work();
        } catch (RevolutApiException
                | AccountsResponseException
                | TokenStoreException
                | NoRefreshTokenException
                | KeyMaterialException
                | AssertionException
                | MissingCredentialException e) {
            // The core's exceptions say what failed and what to do next; they become the build's failure message.
            throw new MojoFailureException(e.getMessage(), e);
        }
    }

    /** Whether the access token itself is exported as a project property ({@code revolut.tokenProperty} set). */
    boolean exportsTokenProperty() {
        return tokenProperty != null && !tokenProperty.isBlank();
    }

    /** The goal's work; the core's exceptions thrown from it fail the build with their own message. */
    abstract void work() throws MojoFailureException, MojoExecutionException;

    static Duration parseDuration(String parameter, String value) throws MojoFailureException {
        try {
            return Durations.parse(parameter, value);
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
    }

    /** One token lock registry per Maven session: modules of a parallel build take turns on the store. */
    TokenLocks sessionTokenLocks() {
        return (TokenLocks) session.getRepositorySession().getData().computeIfAbsent(TokenLocks.class, TokenLocks::new);
    }

    /** One rate limiter per Maven session, so a reactor as a whole stays under Revolut's limit. */
    private RateLimiter sessionRateLimiter() {
        return (RateLimiter) session.getRepositorySession()
                .getData()
                .computeIfAbsent(RateLimiter.class, () -> RateLimiter.forRevolut(clock, sleeper));
    }

    /** A supplier that computes its value once, on first use. */
    private static final class Memoized<T> implements Supplier<T> {
        private final Supplier<T> delegate;
        private T value;

        Memoized(Supplier<T> delegate) {
            this.delegate = delegate;
        }

        @Override
        public synchronized T get() {
            if (value == null) {
                value = delegate.get();
            }
            return value;
        }
    }
}
