package dev.fintools.revolut.emulator;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The registered clients by client ID. */
final class Clients {
    private final Map<String, RegisteredClient> byId = new ConcurrentHashMap<>();

    void add(RegisteredClient client) {
        byId.put(client.clientId(), client);
    }

    RegisteredClient find(String clientId) {
        return byId.get(clientId);
    }

    List<RegisteredClient> all() {
        return List.copyOf(byId.values());
    }

    /** Forgets the clients uploaded at run time; the configured ones stay. */
    void removeUploaded() {
        byId.values().removeIf(client -> !client.seeded());
    }
}
