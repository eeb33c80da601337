package com.example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** What every caller's tests do: read the token file revolut:token wrote and list the accounts with it. */
class AccountsIT {
    @Test
    void listsAccountsWithTheTokenFromTheTokenFile() throws Exception {
        String token = Files.readString(Path.of(System.getProperty("revolut.tokenFile"))).trim();
        HttpRequest request = HttpRequest.newBuilder(URI.create(System.getProperty("revolut.apiUrl") + "/accounts"))
                .header("Authorization", "Bearer " + token)
                .build();

        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertEquals(200, response.statusCode(), response.body());
    }
}
