package dev.fintools.revolut.http;

import okhttp3.OkHttpClient;

/**
 * Creates the OkHttp client used for every call to Revolut. It has no logging interceptor on purpose: request and
 * response bodies carry authorization codes, assertions and tokens, and headers carry the bearer token.
 */
public final class HttpClients {
    private HttpClients() {}

    /** A client with the given timeouts; redirects are not followed so a token is never sent to another host. */
    public static OkHttpClient create(HttpTimeouts timeouts) {
        return new OkHttpClient.Builder()
                .connectTimeout(timeouts.connect())
                .readTimeout(timeouts.read())
                .writeTimeout(timeouts.read())
                .callTimeout(timeouts.call())
                .followRedirects(false)
                .followSslRedirects(false)
                .retryOnConnectionFailure(false) // RequestExecutor decides what is safe to retry
                .build();
    }

    /** A client with {@link HttpTimeouts#defaults()}. */
    public static OkHttpClient create() {
        return create(HttpTimeouts.defaults());
    }
}
