package dev.fintools.revolut.mojo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.fintools.revolut.emulator.EmulatorFixtures;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.maven.execution.DefaultMavenExecutionRequest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.apache.maven.settings.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmulatorMojoTest {
    private static final Pattern LISTENING = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)");

    @TempDir
    Path directory;

    private final BlockingQueue<String> log = new LinkedBlockingQueue<>();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void answersUntilItsThreadIsInterrupted() throws Exception {
        Thread thread = new Thread(() -> execute(mojo()), "emulator-goal");
        thread.start();
        String url = awaitUrl();

        HttpResponse<String> clock = get(url + "/admin/clock");
        thread.interrupt();
        thread.join(10_000);

        assertThat(clock.statusCode()).isEqualTo(200);
        assertThat(thread.isAlive()).isFalse();
        assertThat(log).contains("[info] [emulator] Revolut emulator on " + url + " stopped");
    }

    @Test
    void stopsOnAdminShutdown() throws Exception {
        CompletableFuture<Void> goal = CompletableFuture.runAsync(() -> execute(mojo()));
        String url = awaitUrl();

        post(url + "/admin/shutdown");

        goal.get(10, TimeUnit.SECONDS);
        assertThat(log).contains("[info] [emulator] Revolut emulator on " + url + " stopped");
    }

    @Test
    void registersThePluginsOwnCertificateWithTheResolvedClientIdAndRedirectUri() throws Exception {
        EmulatorMojo mojo = mojo();
        Files.createDirectories(directory.resolve("home/sandbox"));
        Files.writeString(directory.resolve("home/sandbox/publiccert.cer"), EmulatorFixtures.certificate());
        mojo.clientId = "configured-client-id";
        mojo.redirectUri = "https://example.org/callback";
        Thread thread = new Thread(() -> execute(mojo), "emulator-goal");
        thread.start();
        String url = awaitUrl();

        HttpResponse<String> clients = get(url + "/admin/clients");
        thread.interrupt();
        thread.join(10_000);

        assertThat(clients.body())
                .contains("\"clientId\":\"configured-client-id\"")
                .contains("\"redirectUri\":\"https://example.org/callback\"");
    }

    @Test
    void startsWithoutAClientWhenThereIsNoCertificate() throws Exception {
        Thread thread = new Thread(() -> execute(mojo()), "emulator-goal");
        thread.start();
        String url = awaitUrl();

        HttpResponse<String> clients = get(url + "/admin/clients");
        thread.interrupt();
        thread.join(10_000);

        assertThat(clients.body()).isEqualTo("[]");
    }

    private EmulatorMojo mojo() {
        EmulatorMojo mojo = new EmulatorMojo();
        mojo.port = 0;
        mojo.environment = "sandbox";
        mojo.serverId = "revolut";
        mojo.home = directory.resolve("home").toFile();
        MavenSession session = mock(MavenSession.class);
        when(session.getSystemProperties()).thenReturn(new Properties());
        when(session.getSettings()).thenReturn(new Settings());
        when(session.getRequest()).thenReturn(new DefaultMavenExecutionRequest().setBaseDirectory(directory.toFile()));
        mojo.session = session;
        mojo.setLog(new SystemStreamLog() {
            @Override
            public void info(CharSequence content) {
                log.add("[info] " + content);
            }

            @Override
            public void debug(CharSequence content) {
                log.add("[debug] " + content);
            }
        });
        return mojo;
    }

    private static void execute(EmulatorMojo mojo) {
        try {
            mojo.execute();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String awaitUrl() throws InterruptedException {
        while (true) {
            String line = log.poll(10, TimeUnit.SECONDS);
            assertThat(line).as("the emulator's listening line").isNotNull();
            Matcher matcher = LISTENING.matcher(line);
            if (matcher.find()) {
                return matcher.group(1);
            }
        }
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private void post(String url) throws Exception {
        try {
            http.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .POST(HttpRequest.BodyPublishers.noBody())
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            // the emulator may close before the answer is read; the goal's end is what the test checks
        }
    }
}
