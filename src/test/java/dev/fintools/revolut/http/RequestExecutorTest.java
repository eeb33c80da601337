package dev.fintools.revolut.http;

import static dev.fintools.revolut.testing.TestSecrets.thrownBy;
import static dev.fintools.revolut.testing.TokenAnswers.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fintools.revolut.http.RevolutApiException.Kind;
import dev.fintools.revolut.testing.FakeTime;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.junit.jupiter.api.Test;

class RequestExecutorTest {
    private static final RetryPolicy FOUR_ATTEMPTS =
            new RetryPolicy(4, Duration.ofSeconds(1), Duration.ofSeconds(8), Duration.ofSeconds(60));

    @StartStop
    private final MockWebServer server = new MockWebServer();

    private final FakeTime time = new FakeTime();

    @Test
    void retriesTwo503AnswersAndReturnsTheThirdAnswer() {
        server.enqueue(json(503, "{\"message\":\"Service unavailable\"}"));
        server.enqueue(json(503, "{\"message\":\"Service unavailable\"}"));
        server.enqueue(json(200, "[]"));

        ApiResponse response = executor(FOUR_ATTEMPTS).execute(accounts());

        assertThat(response.body()).isEqualTo("[]");
        assertThat(server.getRequestCount()).isEqualTo(3);
        assertThat(time.sleeps()).containsExactly(Duration.ofMillis(750), Duration.ofMillis(1500));
    }

    @Test
    void waitsTheSecondsOfRetryAfterBeforeRetryingA429() {
        server.enqueue(new MockResponse.Builder()
                .code(429)
                .setHeader("Retry-After", "2")
                .build());
        server.enqueue(json(200, "[]"));

        executor(FOUR_ATTEMPTS).execute(accounts());

        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(2));
    }

    @Test
    void saysWhyAndHowLongItWaitsBeforeEachRetry() {
        server.enqueue(new MockResponse.Builder()
                .code(429)
                .setHeader("Retry-After", "2")
                .build());
        server.enqueue(json(200, "[]"));
        List<String> notices = new ArrayList<>();

        executor(FOUR_ATTEMPTS).withRetryNotices(notices::add).execute(accounts());

        assertThat(notices)
                .containsExactly(accounts().purpose() + ": HTTP 429 from GET " + server.url("/accounts")
                        + " with Retry-After; retrying in 2 s (attempt 2 of 4)");
    }

    @Test
    void waitsUntilTheHttpDateOfRetryAfter() {
        server.enqueue(new MockResponse.Builder()
                .code(429)
                .setHeader("Retry-After", "Thu, 03 Dec 2026 12:00:05 GMT")
                .build());
        server.enqueue(json(200, "[]"));

        executor(FOUR_ATTEMPTS).execute(accounts());

        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(5));
    }

    @Test
    void givesUpWhenRetryAfterAsksForLongerThanTheRetryLimit() {
        server.enqueue(new MockResponse.Builder()
                .code(429)
                .setHeader("Retry-After", "120")
                .build());

        RevolutApiException e = thrownBy(
                RevolutApiException.class, () -> executor(FOUR_ATTEMPTS).execute(accounts()));

        assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(e)
                .hasMessage("Listing the accounts failed: GET " + url() + " answered HTTP 429 with an empty"
                        + " body. Revolut allows about 60 requests per minute per business, shared by every build and app"
                        + " using it: wait a minute and run again. Revolut asked to wait 120 s (Retry-After), longer"
                        + " than the retry limit of 60 s allows.");
        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void givesUpOnAPermanent500WithinTheTotalTimeLimit() {
        RetryPolicy tenSeconds =
                new RetryPolicy(10, Duration.ofSeconds(1), Duration.ofSeconds(4), Duration.ofSeconds(10));
        for (int i = 0; i < 10; i++) {
            server.enqueue(json(500, "{\"code\":500,\"message\":\"Internal error\"}"));
        }

        RevolutApiException e =
                thrownBy(RevolutApiException.class, () -> executor(tenSeconds).execute(accounts()));

        assertThat(e.kind()).isEqualTo(Kind.SERVER_ERROR);
        assertThat(e)
                .hasMessage("Listing the accounts failed: GET " + url() + " answered HTTP 500, Revolut says"
                        + " \"Internal error\". Revolut's API had a server error: try again in a few minutes. Gave up after"
                        + " 5 attempts in 8.3 s: the next wait of 3 s would pass the retry limit of 10 s.");
        assertThat(time.totalSlept()).isLessThanOrEqualTo(Duration.ofSeconds(10));
        assertThat(server.getRequestCount()).isEqualTo(5);
    }

    @Test
    void stopsAfterTheMaximumNumberOfAttempts() {
        for (int i = 0; i < 4; i++) {
            server.enqueue(json(502, "<html><body>Bad gateway</body></html>"));
        }

        RevolutApiException e = thrownBy(
                RevolutApiException.class, () -> executor(FOUR_ATTEMPTS).execute(accounts()));

        assertThat(e).hasMessageEndingWith("Gave up after 4 attempts in 5.3 s.");
        assertThat(server.getRequestCount()).isEqualTo(4);
    }

    @Test
    void mapsA401ToUnauthorizedWithRevolutsMessage() {
        server.enqueue(json(401, "{\"message\":\"The request should be authorized.\"}"));

        RevolutApiException e = thrownBy(
                RevolutApiException.class, () -> executor(FOUR_ATTEMPTS).execute(accounts()));

        assertThat(e.kind()).isEqualTo(Kind.UNAUTHORIZED);
        assertThat(e.status()).isEqualTo(401);
        assertThat(e)
                .hasMessage("Listing the accounts failed: GET " + url() + " answered HTTP 401, Revolut says"
                        + " \"The request should be authorized.\". The access token is missing, expired (it lives 40"
                        + " minutes) or was replaced by a later refresh (every refresh, also one by another build,"
                        + " invalidates the previous access token). Get a fresh one with mvn revolut:token.");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void mapsA403ToForbiddenMentioningTheIpWhitelist() {
        server.enqueue(json(403, "{\"code\":9002,\"message\":\"Forbidden\"}"));

        RevolutApiException e = thrownBy(
                RevolutApiException.class, () -> executor(FOUR_ATTEMPTS).execute(accounts()));

        assertThat(e.kind()).isEqualTo(Kind.FORBIDDEN);
        assertThat(e)
                .hasMessageContaining("answered HTTP 403, Revolut says \"Forbidden\". If the certificate has an"
                        + " IP whitelist, add this machine's public IP address to it");
    }

    @Test
    void mapsA404ToRequestRejectedPointingAtTheApiUrl() {
        server.enqueue(json(404, "{\"message\":\"Not found\"}"));

        RevolutApiException e = thrownBy(
                RevolutApiException.class, () -> executor(FOUR_ATTEMPTS).execute(accounts()));

        assertThat(e.kind()).isEqualTo(Kind.REQUEST_REJECTED);
        assertThat(e)
                .hasMessageEndingWith("Revolut says \"Not found\". Check revolut.apiUrl: expected the API base"
                        + " such as https://sandbox-b2b.revolut.com/api/1.0 or https://b2b.revolut.com/api/1.0.");
    }

    @Test
    void describesAnHtmlErrorPageWithAShortExcerpt() {
        server.enqueue(json(400, "<html>\n<head><title>400 Bad Request</title></head>\n<body>" + "x".repeat(300)));

        RevolutApiException e = thrownBy(
                RevolutApiException.class, () -> executor(FOUR_ATTEMPTS).execute(accounts()));

        assertThat(e)
                .hasMessageContaining("answered HTTP 400 with an HTML page: \"<html> <head><title>400 Bad"
                        + " Request</title></head> <body>[hidden]\".");
    }

    @Test
    void leavesTheQueryOutOfTheEndpoint() {
        server.enqueue(json(404, "{\"message\":\"Not found\"}"));
        HttpUrl withQuery = server.url("/accounts?secret=visible-if-leaked");

        RevolutApiException e = thrownBy(
                RevolutApiException.class,
                () -> executor(FOUR_ATTEMPTS).execute(ApiCall.of("Listing the accounts", () -> get(withQuery))));

        assertThat(e.endpoint()).isEqualTo("GET " + url());
        assertThat(e).message().doesNotContain("visible-if-leaked");
    }

    @Test
    void retriesADroppedConnection() {
        server.enqueue(new MockResponse.Builder()
                .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE)
                .build());
        server.enqueue(json(200, "[]"));

        ApiResponse response = executor(FOUR_ATTEMPTS).execute(accounts());

        assertThat(response.status()).isEqualTo(200);
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void neverSendsANotRetryableCallTwiceAfterADroppedConnection() {
        server.enqueue(new MockResponse.Builder()
                .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE)
                .build());
        server.enqueue(json(200, "[]"));
        ApiCall once = accounts().notRetryable("It was not sent again.");

        RevolutApiException e = thrownBy(
                RevolutApiException.class, () -> executor(FOUR_ATTEMPTS).execute(once));

        assertThat(e.kind()).isEqualTo(Kind.NETWORK);
        assertThat(e)
                .hasMessageStartingWith("Listing the accounts failed: the connection to GET " + url() + " failed (");
        assertThat(e).hasMessageEndingWith("then run again. It was not sent again.");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void reportsAReadTimeoutAsTimeout() {
        server.enqueue(
                json(200, "[]").newBuilder().headersDelay(2, TimeUnit.SECONDS).build());
        OkHttpClient impatient = HttpClients.create(
                new HttpTimeouts(Duration.ofSeconds(1), Duration.ofMillis(200), Duration.ofSeconds(5)));
        RequestExecutor executor =
                new RequestExecutor(impatient, RetryPolicy.none(), RateLimiter.unlimited(), time, time);

        RevolutApiException e = thrownBy(RevolutApiException.class, () -> executor.execute(accounts()));

        assertThat(e.kind()).isEqualTo(Kind.TIMEOUT);
        assertThat(e)
                .hasMessageStartingWith("Listing the accounts failed: GET " + url() + " did not answer in time"
                        + " (SocketTimeoutException: ");
        assertThat(e)
                .hasMessageEndingWith("; timeouts: connect 1 s, read 0.2 s, call 5 s). Check the network and"
                        + " proxy, then run again.");
    }

    @Test
    void reportsATlsFailureWithTheProxyHint() throws Exception {
        ServerSocket plainText = answeringPlainText();
        HttpUrl https = HttpUrl.get("https://localhost:" + plainText.getLocalPort() + "/accounts");

        RevolutApiException e = thrownBy(
                RevolutApiException.class,
                () -> executor(FOUR_ATTEMPTS).execute(ApiCall.of("Listing the accounts", () -> get(https))));

        assertThat(e.kind()).isEqualTo(Kind.TLS);
        assertThat(e)
                .hasMessageStartingWith("Listing the accounts failed: the TLS connection to " + https.host()
                        + " could not be established (");
        assertThat(e)
                .hasMessageEndingWith("A corporate proxy or antivirus that inspects HTTPS is the usual cause:"
                        + " import its root certificate into a truststore and give it to Maven, for example"
                        + " -Djavax.net.ssl.trustStore=<file> in MAVEN_OPTS or .mvn/jvm.config.");
        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void reportsARefusedConnectionAsNetwork() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        HttpUrl nowhere = HttpUrl.get("http://127.0.0.1:" + closedPort + "/accounts");

        RevolutApiException e = thrownBy(
                RevolutApiException.class,
                () -> executor(RetryPolicy.none()).execute(ApiCall.of("Listing the accounts", () -> get(nowhere))));

        assertThat(e.kind()).isEqualTo(Kind.NETWORK);
        assertThat(e)
                .hasMessageStartingWith("Listing the accounts failed: the connection to GET " + nowhere
                        + " failed (ConnectException: ");
    }

    @Test
    void reportsAnUnknownHostWithoutRetrying() {
        HttpUrl unknown = HttpUrl.get("https://no-such-host.invalid/api/1.0/accounts");

        RevolutApiException e = thrownBy(
                RevolutApiException.class,
                () -> executor(FOUR_ATTEMPTS).execute(ApiCall.of("Listing the accounts", () -> get(unknown))));

        assertThat(e.kind()).isEqualTo(Kind.NETWORK);
        assertThat(e)
                .hasMessage("Listing the accounts failed: the host no-such-host.invalid could not be resolved."
                        + " Check revolut.apiUrl and the network (DNS, VPN; Java ignores HTTPS_PROXY: set -Dhttps.proxyHost"
                        + " and -Dhttps.proxyPort).");
        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void waitsForTheRateLimiterBeforeEachRequest() {
        RateLimiter onePerMinute = new RateLimiter(1, 1, time, time);
        RequestExecutor executor = new RequestExecutor(HttpClients.create(), FOUR_ATTEMPTS, onePerMinute, time, time);
        server.enqueue(json(200, "[]"));
        server.enqueue(json(200, "[]"));

        executor.execute(accounts());
        executor.execute(accounts());

        assertThat(time.sleeps()).isEqualTo(List.of(Duration.ofMinutes(1)));
    }

    @Test
    void badResponseOfAHiddenBodyShowsOnlyItsShape() {
        ApiCall call = accounts().hidingResponseBody();
        ApiResponse response = new ApiResponse("POST " + url(), 200, "{\"access_token\":\"oa_sand_abc");

        RevolutApiException e = RequestExecutor.badResponse(call, response, "is not valid JSON");

        assertThat(e.kind()).isEqualTo(Kind.BAD_RESPONSE);
        assertThat(e)
                .hasMessage("Listing the accounts failed: POST " + url() + " answered HTTP 200 but the body is"
                        + " not valid JSON (truncated or malformed JSON, not shown because it may contain tokens). Check"
                        + " that revolut.apiUrl points at Revolut's API (such as https://sandbox-b2b.revolut.com/api/1.0)"
                        + " and not at a proxy or web page.");
    }

    /** A server that answers anything with plain HTTP, as a TLS-intercepting proxy misconfigured would. */
    private static ServerSocket answeringPlainText() throws IOException {
        ServerSocket serverSocket = new ServerSocket(0);
        Thread thread = new Thread(() -> {
            try (serverSocket;
                    Socket socket = serverSocket.accept()) {
                socket.getOutputStream().write("HTTP/1.1 400 Bad Request\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
            } catch (IOException e) {
                // the client gave up first
            }
        });
        thread.setDaemon(true);
        thread.start();
        return serverSocket;
    }

    private RequestExecutor executor(RetryPolicy policy) {
        return new RequestExecutor(HttpClients.create(), policy, RateLimiter.unlimited(), time, time, () -> 0.5);
    }

    private ApiCall accounts() {
        return ApiCall.of("Listing the accounts", () -> get(url()));
    }

    private HttpUrl url() {
        return server.url("/accounts");
    }

    private static Request get(HttpUrl url) {
        return new Request.Builder().url(url).build();
    }
}
