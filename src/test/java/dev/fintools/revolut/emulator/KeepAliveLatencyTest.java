package dev.fintools.revolut.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Throughput hinges on TCP_NODELAY: without it every answer on a keep-alive connection waits about 40 ms for the
 * client's delayed ACK, so 100 sequential requests would take 4 s or more instead of a fraction of a second.
 */
class KeepAliveLatencyTest {

    @Test
    void answersSequentialRequestsOnOneConnectionWithoutNagleDelay() throws Exception {
        try (EmulatorFixture fixture = new EmulatorFixture()) {
            HttpRequest request = HttpRequest.newBuilder(
                            fixture.emulator.apiUrl().resolve("/api/1.0/accounts"))
                    .header(
                            "Authorization",
                            "Bearer " + fixture.tokens().get("access_token").asText())
                    .build();
            HttpClient client =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            client.send(request, HttpResponse.BodyHandlers.discarding());
            long started = System.nanoTime();

            for (int i = 0; i < 100; i++) {
                client.send(request, HttpResponse.BodyHandlers.discarding());
            }

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        }
    }
}
