package dev.fintools.revolut.tokencache;

import dev.fintools.revolut.assertion.ClientAssertion;
import dev.fintools.revolut.config.ApiUrl;
import dev.fintools.revolut.config.Environment;
import dev.fintools.revolut.credentials.PrivateKeyReference;
import dev.fintools.revolut.http.HttpClients;
import dev.fintools.revolut.http.HttpTimeouts;
import dev.fintools.revolut.http.RateLimiter;
import dev.fintools.revolut.http.RequestExecutor;
import dev.fintools.revolut.http.RetryPolicy;
import dev.fintools.revolut.http.Sleeper;
import dev.fintools.revolut.keys.PrivateKeys;
import dev.fintools.revolut.oauth.TokenClient;
import java.io.IOException;
import java.nio.file.Path;
import java.security.interfaces.RSAPrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Another JVM refreshing without pause through {@link AccessTokens}, as the token goal does, until it is killed.
 * Arguments: API URL, client ID, redirect URI, private key file, token store file. Prints {@code refreshed} after the
 * first refresh.
 */
public final class RefreshLoop {
    private RefreshLoop() {}

    public static void main(String[] arguments) {
        AccessTokens tokens = accessTokens(
                ApiUrl.parse(arguments[0]), arguments[1], arguments[2], Path.of(arguments[3]), Path.of(arguments[4]));
        tokens.refreshNow();
        System.out.println("refreshed");
        System.out.flush();
        while (true) {
            tokens.refreshNow();
        }
    }

    /** The token cache of one client against an API, refreshing with one attempt and no rate limit. */
    static AccessTokens accessTokens(ApiUrl apiUrl, String clientId, String redirectUri, Path key, Path store) {
        Clock clock = Clock.systemUTC();
        RSAPrivateKey privateKey = PrivateKeys.load(new PrivateKeyReference.File(key), null);
        RequestExecutor executor = new RequestExecutor(
                HttpClients.create(HttpTimeouts.defaults()),
                RetryPolicy.none(),
                RateLimiter.unlimited(),
                clock,
                Sleeper.SYSTEM);
        return new AccessTokens(
                new TokenStore(store),
                new TokenLocks(),
                new TokenClient(executor, apiUrl, clock),
                () -> ClientAssertion.sign(privateKey, clientId, redirectUri, Duration.ofMinutes(5), clock),
                new ClientIdentity(clientId, Environment.SANDBOX, apiUrl),
                null,
                clock);
    }

    /** Starts this class in a new JVM with the test class path. */
    static Process start(String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                RefreshLoop.class.getName()));
        command.addAll(List.of(arguments));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }
}
