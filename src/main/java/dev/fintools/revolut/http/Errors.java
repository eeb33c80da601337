package dev.fintools.revolut.http;

import dev.fintools.revolut.http.RevolutApiException.Kind;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/** The generic mapping of answers and I/O failures to {@link RevolutApiException}s. */
final class Errors {
    private static final String PROXY_HINT = "Java ignores HTTPS_PROXY: set -Dhttps.proxyHost and -Dhttps.proxyPort";

    private Errors() {}

    static String endpoint(Request request) {
        HttpUrl url = request.url();
        // The query is dropped: it is never needed to recognise the endpoint and could hold a secret.
        return request.method() + " "
                + url.newBuilder().query(null).fragment(null).build();
    }

    static RevolutApiException forStatus(ApiCall call, HttpFailure failure) {
        int status = failure.status();
        Kind kind = kindOf(status);
        String message = call.purpose() + " failed: " + failure.endpoint() + " answered HTTP " + status
                + saying(failure) + ". " + nextStep(kind);
        return new RevolutApiException(kind, failure.endpoint(), status, message);
    }

    static String saying(HttpFailure failure) {
        String revolutMessage = failure.revolutMessage();
        if (revolutMessage != null) {
            return ", Revolut says \"" + revolutMessage + "\"";
        }
        return " with " + ResponseBodies.describe(failure.body());
    }

    private static Kind kindOf(int status) {
        if (status == 401) {
            return Kind.UNAUTHORIZED;
        }
        if (status == 403) {
            return Kind.FORBIDDEN;
        }
        if (status == 429) {
            return Kind.RATE_LIMITED;
        }
        return status >= 500 ? Kind.SERVER_ERROR : Kind.REQUEST_REJECTED;
    }

    private static String nextStep(Kind kind) {
        return switch (kind) {
            case UNAUTHORIZED ->
                "The access token is missing, expired (it lives 40 minutes) or was replaced by a later refresh"
                        + " (every refresh, also one by another build, invalidates the previous access token)."
                        + " Get a fresh one with mvn revolut:token.";
            case FORBIDDEN ->
                "If the certificate has an IP whitelist, add this machine's public IP address to it in the"
                        + " Business web app (Settings > APIs > Business API > your certificate); also check that"
                        + " the consent granted the scope this endpoint needs (READ for accounts).";
            case RATE_LIMITED ->
                "Revolut allows about 60 requests per minute per business, shared by every build and app using"
                        + " it: wait a minute and run again.";
            case SERVER_ERROR -> "Revolut's API had a server error: try again in a few minutes.";
            default ->
                "Check revolut.apiUrl: expected the API base such as https://sandbox-b2b.revolut.com/api/1.0"
                        + " or https://b2b.revolut.com/api/1.0.";
        };
    }

    static RevolutApiException forIo(ApiCall call, Request request, IOException e, OkHttpClient client) {
        String endpoint = endpoint(request);
        String failed = call.purpose() + " failed: ";
        if (e instanceof SSLException) {
            return io(
                    Kind.TLS,
                    endpoint,
                    e,
                    failed + "the TLS connection to " + request.url().host() + " could not"
                            + " be established (" + cause(e)
                            + "). A corporate proxy or antivirus that inspects HTTPS is the"
                            + " usual cause: import its root certificate into a truststore and give it to"
                            + " Maven, for example"
                            + " -Djavax.net.ssl.trustStore=<file> in MAVEN_OPTS or .mvn/jvm.config.");
        }
        if (e instanceof InterruptedIOException) {
            return io(
                    Kind.TIMEOUT,
                    endpoint,
                    e,
                    failed + endpoint + " did not answer in time (" + cause(e) + "; timeouts: " + timeouts(client)
                            + "). Check the network and proxy, then run again.");
        }
        if (e instanceof UnknownHostException) {
            return io(
                    Kind.NETWORK,
                    endpoint,
                    e,
                    failed + "the host " + request.url().host() + " could not be"
                            + " resolved. Check revolut.apiUrl and the network (DNS, VPN; " + PROXY_HINT + ").");
        }
        return io(
                Kind.NETWORK,
                endpoint,
                e,
                failed + "the connection to " + endpoint + " failed (" + cause(e) + "). Check the network and proxy ("
                        + PROXY_HINT + "), then run again.");
    }

    private static RevolutApiException io(Kind kind, String endpoint, IOException cause, String message) {
        return new RevolutApiException(kind, endpoint, 0, null, false, message, cause);
    }

    private static String cause(IOException e) {
        return e.getClass().getSimpleName() + ": " + ResponseBodies.excerpt(String.valueOf(e.getMessage()));
    }

    private static String timeouts(OkHttpClient client) {
        return "connect " + seconds(client.connectTimeoutMillis()) + ", read " + seconds(client.readTimeoutMillis())
                + ", call " + seconds(client.callTimeoutMillis());
    }

    static boolean isRetryable(IOException e) {
        return !(e instanceof SSLException) && !(e instanceof UnknownHostException);
    }

    static boolean mayHaveBeenSent(IOException e) {
        return !(e instanceof ConnectException)
                && !(e instanceof UnknownHostException)
                && !(e instanceof SSLHandshakeException);
    }

    static String seconds(long millis) {
        return millis % 1000 == 0
                ? millis / 1000 + " s"
                : String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
