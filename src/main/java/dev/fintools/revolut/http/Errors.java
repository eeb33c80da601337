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
        String host = request.url().host();
        String cause = e.getClass().getSimpleName() + ": " + ResponseBodies.excerpt(String.valueOf(e.getMessage()));
        RevolutApiException exception;
        if (e instanceof SSLException) {
            exception = new RevolutApiException(
                    Kind.TLS,
                    endpoint,
                    0,
                    null,
                    false,
                    call.purpose() + " failed: the"
                            + " TLS connection to " + host + " could not be established (" + cause
                            + "). A corporate proxy"
                            + " or antivirus that inspects HTTPS is the usual cause: import its root certificate into a"
                            + " truststore and give it to Maven, for example -Djavax.net.ssl.trustStore=<file> in"
                            + " MAVEN_OPTS or .mvn/jvm.config.",
                    e);
        } else if (e instanceof InterruptedIOException) {
            exception = new RevolutApiException(
                    Kind.TIMEOUT,
                    endpoint,
                    0,
                    null,
                    false,
                    call.purpose() + " failed: "
                            + endpoint + " did not answer in time (" + cause + "; timeouts: connect "
                            + seconds(client.connectTimeoutMillis()) + ", read " + seconds(client.readTimeoutMillis())
                            + ", call " + seconds(client.callTimeoutMillis())
                            + "). Check the network and proxy, then run"
                            + " again.",
                    e);
        } else if (e instanceof UnknownHostException) {
            exception = new RevolutApiException(
                    Kind.NETWORK,
                    endpoint,
                    0,
                    null,
                    false,
                    call.purpose() + " failed:"
                            + " the host " + host + " could not be resolved. Check revolut.apiUrl and the network (DNS,"
                            + " VPN; Java ignores HTTPS_PROXY: set -Dhttps.proxyHost and -Dhttps.proxyPort).",
                    e);
        } else {
            exception = new RevolutApiException(
                    Kind.NETWORK,
                    endpoint,
                    0,
                    null,
                    false,
                    call.purpose() + " failed:"
                            + " the connection to " + endpoint + " failed (" + cause + "). Check the network and proxy"
                            + " (Java ignores HTTPS_PROXY: set -Dhttps.proxyHost and -Dhttps.proxyPort), then run again.",
                    e);
        }
        return exception;
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
