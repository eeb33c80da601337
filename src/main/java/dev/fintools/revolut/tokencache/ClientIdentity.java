package dev.fintools.revolut.tokencache;

import dev.fintools.revolut.config.ApiUrl;
import dev.fintools.revolut.config.Environment;
import java.util.Objects;

/**
 * Whose tokens a store holds: one client ID in one environment at one API URL (Revolut's or the emulator's).
 */
public record ClientIdentity(String clientId, Environment environment, ApiUrl apiUrl) {
    public ClientIdentity {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(apiUrl, "apiUrl");
    }
}
