package dev.fintools.revolut.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RevolutEmulatorExtension.class)
class RevolutEmulatorExtensionTest {

    @Test
    void injectsARunningEmulator(RevolutEmulator emulator) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(emulator.apiUrl().resolve("/api/1.0/accounts"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void injectsTheSameEmulatorTwiceInOneTest(RevolutEmulator first, RevolutEmulator second) {
        assertThat(first).isSameAs(second);
    }
}
