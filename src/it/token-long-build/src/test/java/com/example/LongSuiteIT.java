package com.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A suite that outlives one access token: 50 emulator minutes, the token re-read from its file before each call. */
class LongSuiteIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String EMULATOR = System.getProperty("revolut.emulator.url");

    @Test
    void keepsListingAccountsForLongerThanOneTokenLifetime() throws Exception {
        for (int minute = 5; minute <= 50; minute += 5) {
            advanceEmulatorClock(300);
            Thread.sleep(1500); // the plugin checks its clock every half second

            HttpResponse<String> response = listAccounts(currentToken());

            assertEquals(200, response.statusCode(), "at minute " + minute + ": " + response.body());
        }
        String counts = send(HttpRequest.newBuilder(URI.create(EMULATOR + "/admin/counts"))).body();
        assertTrue(counts.matches("(?s).*\"refresh_token\"\\s*:\\s*[1-9].*"), counts);
    }

    private static String currentToken() throws Exception {
        return Files.readString(Path.of(System.getProperty("revolut.tokenFile"))).trim();
    }

    private static HttpResponse<String> listAccounts(String token) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(System.getProperty("revolut.apiUrl") + "/accounts"))
                .header("Authorization", "Bearer " + token));
    }

    private static void advanceEmulatorClock(int seconds) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(EMULATOR + "/admin/clock/advance"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"seconds\":" + seconds + "}")));
        assertEquals(200, response.statusCode(), response.body());
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
