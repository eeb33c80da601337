package dev.fintools.revolut.http;

import dev.fintools.revolut.http.RevolutApiException.Kind;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Sends {@link ApiCall}s: waits for the {@link RateLimiter}, retries 5xx answers, broken connections and timeouts
 * with exponential backoff, honours {@code Retry-After} on 429, stays within the {@link RetryPolicy}'s total time,
 * and maps every failure to a {@link RevolutApiException}.
 */
public final class RequestExecutor {
    private final OkHttpClient client;
    private final RetryPolicy policy;
    private final RateLimiter rateLimiter;
    private final Clock clock;
    private final Sleeper sleeper;
    private final DoubleSupplier random;
    private final Consumer<String> retryNotices;

    public RequestExecutor(
            OkHttpClient client,
            RetryPolicy policy,
            RateLimiter rateLimiter,
            Clock clock,
            Sleeper sleeper,
            DoubleSupplier random) {
        this(client, policy, rateLimiter, clock, sleeper, random, notice -> {});
    }

    private RequestExecutor(
            OkHttpClient client,
            RetryPolicy policy,
            RateLimiter rateLimiter,
            Clock clock,
            Sleeper sleeper,
            DoubleSupplier random,
            Consumer<String> retryNotices) {
        this.client = client;
        this.policy = policy;
        this.rateLimiter = rateLimiter;
        this.clock = clock;
        this.sleeper = sleeper;
        this.random = random;
        this.retryNotices = retryNotices;
    }

    /**
     * The same executor, telling {@code retryNotices} before each wait why it retries and how long it waits, so a
     * build that pauses on a 429 or a 503 says so. The notices hold no secret.
     */
    public RequestExecutor withRetryNotices(Consumer<String> retryNotices) {
        return new RequestExecutor(client, policy, rateLimiter, clock, sleeper, random, retryNotices);
    }

    public RequestExecutor(
            OkHttpClient client, RetryPolicy policy, RateLimiter rateLimiter, Clock clock, Sleeper sleeper) {
        this(
                client,
                policy,
                rateLimiter,
                clock,
                sleeper,
                () -> ThreadLocalRandom.current().nextDouble());
    }

    /**
     * Executes the call, retrying as the policy and the call allow.
     *
     * @return the first 2xx answer
     * @throws RevolutApiException for every failure, after the allowed retries
     */
    public ApiResponse execute(ApiCall call) {
        Instant start = clock.instant();
        for (int attempt = 1; ; attempt++) {
            Outcome outcome = attempt(call);
            if (outcome.response != null) {
                return outcome.response;
            }
            if (!outcome.retryable) {
                throw outcome.failure;
            }
            if (!call.retryable()) {
                throw outcome.mayHaveTakenEffect
                        ? outcome.failure.withNote(call.notSentAgainReason())
                        : outcome.failure;
            }
            if (attempt >= policy.maxAttempts()) {
                throw attempt == 1 ? outcome.failure : outcome.failure.withNote(gaveUp(attempt, start) + ".");
            }
            Duration wait = outcome.retryAfter != null ? outcome.retryAfter : policy.backoff(attempt, random);
            Duration left = policy.maxTotalTime().minus(Duration.between(start, clock.instant()));
            if (wait.compareTo(left) > 0) {
                String tooLong = waitTooLong(outcome, wait);
                throw outcome.failure.withNote(
                        attempt == 1 ? tooLong + "." : gaveUp(attempt, start) + ": " + tooLong + ".");
            }
            retryNotices.accept(call.purpose() + ": " + reason(outcome) + "; retrying in "
                    + Errors.seconds(wait.toMillis()) + " (attempt " + (attempt + 1) + " of " + policy.maxAttempts()
                    + ")");
            sleep(wait, outcome.failure);
        }
    }

    private static String reason(Outcome outcome) {
        RevolutApiException failure = outcome.failure;
        String what = failure.status() > 0
                ? "HTTP " + failure.status()
                : failure.kind().name().toLowerCase(Locale.ROOT);
        String from = failure.endpoint() == null ? "" : " from " + failure.endpoint();
        return what + from + (outcome.retryAfter != null ? " with Retry-After" : "");
    }

    private String gaveUp(int attempts, Instant start) {
        Duration elapsed = Duration.between(start, clock.instant());
        return "Gave up after " + attempts + " attempts in " + Errors.seconds(elapsed.toMillis());
    }

    private String waitTooLong(Outcome outcome, Duration wait) {
        String limit =
                "the retry limit of " + Errors.seconds(policy.maxTotalTime().toMillis());
        if (outcome.retryAfter != null) {
            return "Revolut asked to wait " + Errors.seconds(wait.toMillis()) + " (Retry-After), longer than " + limit
                    + " allows";
        }
        return "the next wait of " + Errors.seconds(wait.toMillis()) + " would pass " + limit;
    }

    private void sleep(Duration wait, RevolutApiException pending) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw pending.withNote("Interrupted while waiting to retry.");
        }
    }

    private Outcome attempt(ApiCall call) {
        Request request = call.newRequest();
        try {
            rateLimiter.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RevolutApiException(
                    Kind.NETWORK,
                    Errors.endpoint(request),
                    0,
                    null,
                    false,
                    call.purpose() + " was interrupted while waiting for the rate limit.",
                    e);
        }
        try (Response response = client.newCall(request).execute()) {
            return outcomeOf(call, request, response);
        } catch (IOException e) {
            return Outcome.failed(
                    Errors.forIo(call, request, e, client), Errors.isRetryable(e), Errors.mayHaveBeenSent(e), null);
        }
    }

    private Outcome outcomeOf(ApiCall call, Request request, Response response) throws IOException {
        String endpoint = Errors.endpoint(request);
        ResponseBody body = response.body();
        String text = body == null ? "" : body.string();
        if (response.isSuccessful()) {
            return Outcome.succeeded(new ApiResponse(endpoint, response.code(), text));
        }
        HttpFailure failure = new HttpFailure(endpoint, response.code(), text);
        RevolutApiException translated = call.errorTranslator().translate(failure);
        RevolutApiException exception = translated != null ? translated : Errors.forStatus(call, failure);
        int status = response.code();
        if (status == 429) {
            return Outcome.failed(exception, true, false, retryAfter(response.header("Retry-After")));
        }
        return Outcome.failed(exception, status >= 500, true, null);
    }

    /** Seconds or an HTTP date (RFC 9110, section 10.2.3); null when absent or unreadable. */
    Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.trim();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant();
                Duration wait = Duration.between(clock.instant(), at);
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException notADate) {
                return null; // an unreadable header falls back to the policy's backoff
            }
        }
    }

    /**
     * Builds the exception for a 2xx answer whose body is not what the caller expected.
     *
     * @param problem what is wrong, such as "has no access_token"
     */
    public static RevolutApiException badResponse(ApiCall call, ApiResponse response, String problem) {
        String shown = call.sensitiveResponse()
                ? ResponseBodies.shapeOnly(response.body()) + ", not shown because it may contain tokens"
                : ResponseBodies.describe(response.body());
        return new RevolutApiException(
                Kind.BAD_RESPONSE,
                response.endpoint(),
                response.status(),
                call.purpose()
                        + " failed: " + response.endpoint() + " answered HTTP " + response.status() + " but the body "
                        + problem + " (" + shown + "). Check that revolut.apiUrl points at Revolut's API (such as"
                        + " https://sandbox-b2b.revolut.com/api/1.0) and not at a proxy or web page.");
    }

    /**
     * @param mayHaveTakenEffect whether the request may have reached the server and done its work
     */
    private record Outcome(
            ApiResponse response,
            RevolutApiException failure,
            boolean retryable,
            boolean mayHaveTakenEffect,
            Duration retryAfter) {
        static Outcome succeeded(ApiResponse response) {
            return new Outcome(response, null, false, true, null);
        }

        static Outcome failed(
                RevolutApiException failure, boolean retryable, boolean mayHaveTakenEffect, Duration retryAfter) {
            return new Outcome(null, failure, retryable, mayHaveTakenEffect, retryAfter);
        }
    }
}
