package dev.fintools.revolut.config;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/**
 * A validated API base URL such as {@code https://sandbox-b2b.revolut.com/api/1.0}. Only {@code https} is
 * accepted, except for loopback hosts where the built-in emulator runs: a token sent over plain HTTP to a remote
 * host could be read by anyone on the way.
 */
public final class ApiUrl {
    private final URI uri;

    private ApiUrl(URI uri) {
        this.uri = uri;
    }

    /** The environment's own API base. */
    public static ApiUrl of(Environment environment) {
        return parse(environment.apiUrl());
    }

    /**
     * Parses {@code revolut.apiUrl}; a blank value means the environment's default.
     *
     * @throws IllegalArgumentException saying what is wrong and what is accepted
     */
    public static ApiUrl parse(String value, Environment environment) {
        return value == null || value.isBlank() ? of(environment) : parse(value.trim());
    }

    /**
     * Parses an API base URL.
     *
     * @throws IllegalArgumentException saying what is wrong and what is accepted
     */
    public static ApiUrl parse(String value) {
        return new ApiUrl(HttpsUrls.parse(
                "revolut.apiUrl",
                value,
                "https://sandbox-b2b.revolut.com/api/1.0 or http://localhost:8080/api/1.0",
                "Revolut's own API"));
    }

    static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (bare.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!bare.matches("[0-9.]+") && !bare.contains(":")) {
            return false; // a name other than localhost: never resolved here, so no DNS answer can make it loopback
        }
        try {
            return InetAddress.getByName(bare).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Whether this URL points at this machine (the emulator), not at Revolut. */
    public boolean isLoopback() {
        return isLoopback(uri.getHost());
    }

    /** The URL of an endpoint below the base, for example {@code resolve("auth/token")}. */
    public URI resolve(String path) {
        return URI.create(uri + "/" + path);
    }

    public URI uri() {
        return uri;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ApiUrl that && uri.equals(that.uri);
    }

    @Override
    public int hashCode() {
        return uri.hashCode();
    }

    @Override
    public String toString() {
        return uri.toString();
    }
}
