package dev.fintools.revolut.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmulatorMainTest {
    private static final InputStream NO_INPUT = InputStream.nullInputStream();

    @TempDir
    Path directory;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private CompletableFuture<Integer> running;

    @AfterEach
    void stopTheEmulator() throws Exception {
        if (running != null && !running.isDone()) {
            post(url() + "/admin/shutdown");
            running.get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void writesItsRootUrlToTheUrlFileOnceListening() throws Exception {
        start("--port", "0", "--url-file", urlFile().toString());

        String url = url();

        assertThat(url).matches("http://127\\.0\\.0\\.1:\\d+");
        assertThat(get(url + "/admin/clock").statusCode()).isEqualTo(200);
    }

    @Test
    void stopsWithStatusZeroOnAdminShutdown() throws Exception {
        start("--url-file", urlFile().toString());

        HttpResponse<String> answer = post(url() + "/admin/shutdown");

        assertThat(answer.body()).isEqualTo("{\"stopping\":true}");
        assertThat(running.get(10, TimeUnit.SECONDS)).isZero();
        assertThat(output()).contains("Stopping: POST /admin/shutdown");
    }

    @Test
    void registersTheClientsGivenOnTheCommandLine() throws Exception {
        Path certificate = Files.writeString(directory.resolve("publiccert.cer"), TestKeys.CERTIFICATE);

        start("--url-file", urlFile().toString(), "--client", "it-client," + certificate + ",https://example.com");

        assertThat(get(url() + "/admin/clients").body())
                .contains("\"clientId\":\"it-client\"")
                .contains("\"redirectUri\":\"https://example.com\"");
    }

    @Test
    void stopsWhenStandardInputClosesWithWatchStdin() throws Exception {
        PipedOutputStream parentEnd = new PipedOutputStream();
        PipedInputStream stdin = new PipedInputStream(parentEnd);
        start(stdin, "--url-file", urlFile().toString(), "--watch-stdin");
        url();

        parentEnd.close();

        assertThat(running.get(10, TimeUnit.SECONDS)).isZero();
        assertThat(output()).contains("Stopping: standard input closed");
    }

    @Test
    void stopsWhenItsParentProcessExits() throws Exception {
        Process parent = new ProcessBuilder("sleep", "30").start();
        running = CompletableFuture.supplyAsync(() -> EmulatorMain.run(
                new String[] {"--url-file", urlFile().toString()},
                NO_INPUT,
                new PrintStream(output, true, StandardCharsets.UTF_8),
                Optional.of(parent.toHandle())));
        url();

        parent.destroyForcibly().waitFor();

        assertThat(running.get(20, TimeUnit.SECONDS)).isZero();
        assertThat(output()).contains("Stopping: parent process " + parent.pid() + " exited");
    }

    @Test
    void refusesAClientWithoutItsThreeParts() {
        assertThatThrownBy(() -> EmulatorMain.Options.parse("--client", "only-an-id"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--client must be <clientId>,<certificatePath>,<redirectUri> (clientId may be empty);"
                        + " got 'only-an-id'.");
    }

    @Test
    void refusesAnOptionWithoutItsValue() {
        assertThatThrownBy(() -> EmulatorMain.Options.parse("--url-file", "--port", "0"))
                .hasMessage("Option --url-file needs a value.");
    }

    @Test
    void answersStatusTwoAndTheUsageForAnUnknownOption() {
        int status = EmulatorMain.run(
                new String[] {"--verbose"},
                NO_INPUT,
                new PrintStream(output, true, StandardCharsets.UTF_8),
                Optional.empty());

        assertThat(status).isEqualTo(2);
        assertThat(output()).startsWith("Unknown option '--verbose'.").contains(EmulatorMain.USAGE);
    }

    @Test
    void answersStatusOneWhenAClientCertificateIsRefused() throws Exception {
        Path notACertificate = Files.writeString(directory.resolve("key.pem"), "not a certificate");

        int status = EmulatorMain.run(
                new String[] {"--client", "," + notACertificate + ",https://example.com"},
                NO_INPUT,
                new PrintStream(output, true, StandardCharsets.UTF_8),
                Optional.empty());

        assertThat(status).isEqualTo(1);
        assertThat(output()).startsWith("Could not start the Revolut emulator: Invalid public key");
    }

    private void start(String... args) {
        start(NO_INPUT, args);
    }

    private void start(InputStream stdin, String... args) {
        running = CompletableFuture.supplyAsync(() ->
                EmulatorMain.run(args, stdin, new PrintStream(output, true, StandardCharsets.UTF_8), Optional.empty()));
    }

    private Path urlFile() {
        return directory.resolve("target/emulator.url");
    }

    /** Waits for the URL file, as the Groovy helper does. */
    private String url() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!Files.exists(urlFile())) {
            assertThat(running.isDone())
                    .as("emulator exited early: %s", output())
                    .isFalse();
            assertThat(System.nanoTime()).as("no URL file after 10 s").isLessThan(deadline);
            Thread.sleep(20);
        }
        return Files.readString(urlFile());
    }

    private String output() {
        return output.toString(StandardCharsets.UTF_8);
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String url) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
