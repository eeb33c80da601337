package com.example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Uses the exported token, then makes the emulator refuse the next GET /accounts as if the token had expired. */
class AccountsIT {
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void listsTheAccountsThenQueuesA401ForVerifyAccounts() throws Exception {
        String token = Files.readString(Path.of(System.getProperty("revolut.tokenFile"))).trim();
        HttpRequest accounts = HttpRequest.newBuilder(URI.create(System.getProperty("revolut.apiUrl") + "/accounts"))
                .header("Authorization", "Bearer " + token)
                .build();
        assertEquals(200, http.send(accounts, HttpResponse.BodyHandlers.ofString()).statusCode());

        HttpRequest fault = HttpRequest.newBuilder(URI.create(System.getProperty("revolut.emulator.url") + "/admin/faults"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"path\":\"/api/1.0/accounts\",\"status\":401,\"times\":1}"))
                .build();

        assertEquals(201, http.send(fault, HttpResponse.BodyHandlers.ofString()).statusCode());
    }
}
