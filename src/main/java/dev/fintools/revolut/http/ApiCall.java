package dev.fintools.revolut.http;

import java.util.Objects;
import java.util.function.Supplier;
import okhttp3.Request;

/**
 * One logical API operation for the {@link RequestExecutor}: what it is (for messages), how to build its request
 * (called again for each attempt, so a fresh client assertion can go into each), and whether it may be repeated.
 */
public final class ApiCall {
    private final String purpose;
    private final Supplier<Request> request;
    private final boolean retryable;
    private final String notSentAgainReason;
    private final boolean sensitiveResponse;
    private final ErrorTranslator errorTranslator;

    private ApiCall(
            String purpose,
            Supplier<Request> request,
            boolean retryable,
            String notSentAgainReason,
            boolean sensitiveResponse,
            ErrorTranslator errorTranslator) {
        this.purpose = purpose;
        this.request = request;
        this.retryable = retryable;
        this.notSentAgainReason = notSentAgainReason;
        this.sensitiveResponse = sensitiveResponse;
        this.errorTranslator = errorTranslator;
    }

    /**
     * A retryable call.
     *
     * @param purpose what the call does, starting a message such as "Refreshing the access token failed"
     */
    public static ApiCall of(String purpose, Supplier<Request> request) {
        return new ApiCall(
                Objects.requireNonNull(purpose), Objects.requireNonNull(request), true, null, false, failure -> null);
    }

    /**
     * Marks the call as never sent twice, because its effect may already have happened once the request left
     * (an authorization code works once).
     *
     * @param consequence appended to network failures, saying what the user should do now
     */
    public ApiCall notRetryable(String consequence) {
        return new ApiCall(purpose, request, false, consequence, sensitiveResponse, errorTranslator);
    }

    /** Marks a call whose successful body holds secrets: no excerpt of it ever goes into a message. */
    public ApiCall hidingResponseBody() {
        return new ApiCall(purpose, request, retryable, notSentAgainReason, true, errorTranslator);
    }

    /** Uses a translator for non-2xx answers before the generic mapping by status. */
    public ApiCall errorTranslator(ErrorTranslator translator) {
        return new ApiCall(purpose, request, retryable, notSentAgainReason, sensitiveResponse, translator);
    }

    public String purpose() {
        return purpose;
    }

    public boolean retryable() {
        return retryable;
    }

    public boolean sensitiveResponse() {
        return sensitiveResponse;
    }

    Request newRequest() {
        return request.get();
    }

    String notSentAgainReason() {
        return notSentAgainReason;
    }

    ErrorTranslator errorTranslator() {
        return errorTranslator;
    }

    @Override
    public String toString() {
        return "ApiCall[" + purpose + (retryable ? "" : ", not retryable") + "]";
    }
}
