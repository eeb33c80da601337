package dev.fintools.revolut.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Supplier;

/** Item 5: the emulator's GET /accounts and refresh grant at concurrency 16. */
final class EmulatorLoad {
    static final String TITLE = "5. The emulator under load";
    static final String TARGET = "GET /accounts at concurrency 16: at least 2,000 requests per second";
    static final double TARGET_THROUGHPUT = 2000;
    static final int CONCURRENCY = 16;
    static final Duration WARM_UP = Duration.ofSeconds(5);
    static final Duration MEASURED = Duration.ofSeconds(15);
    static final long MAX_REQUESTS = 500_000;

    private EmulatorLoad() {}

    static String run(Bench bench) throws Exception {
        String missing = Prerequisites.missing(true);
        if (missing != null) {
            return Suite.skipped(TITLE, TARGET, missing);
        }
        try (Emulator emulator = Emulator.start(bench.work().resolve("load").resolve("keys"))) {
            String form = refreshForm(emulator);
            String accessToken = accessToken(emulator, form);
            LoadGenerator load = new LoadGenerator();
            long accountsBefore = emulator.accountsRequests();
            LoadGenerator.Result accounts =
                    load.run(accounts(emulator, accessToken), CONCURRENCY, WARM_UP, MEASURED, MAX_REQUESTS);
            long accountsCounted = emulator.accountsRequests() - accountsBefore;
            long refreshBefore = emulator.tokenRequests("refresh_token");
            LoadGenerator.Result refresh =
                    load.run(refresh(emulator, form), CONCURRENCY, WARM_UP, MEASURED, MAX_REQUESTS);
            long refreshCounted = emulator.tokenRequests("refresh_token") - refreshBefore;
            return section(accounts, refresh)
                    + "Cross-check with the emulator's own counts (`RevolutEmulator.counts()`, warm-up and measured"
                    + " periods together): " + accountsCounted + " GET /accounts and " + refreshCounted
                    + " refresh grants answered.\n\n";
        }
    }

    /** The refresh grant of the guide's "Get a new access token". */
    private static String refreshForm(Emulator emulator) throws Exception {
        return "grant_type=refresh_token&refresh_token=" + Emulator.encode(emulator.refreshToken())
                + "&client_id=" + Emulator.encode(Fixtures.CLIENT_ID)
                + "&client_assertion_type=" + Emulator.encode(Emulator.ASSERTION_TYPE)
                + "&client_assertion=" + Emulator.encode(emulator.assertion());
    }

    private static String accessToken(Emulator emulator, String form) throws Exception {
        HttpResponse<String> response =
                HttpClient.newHttpClient().send(emulator.tokenRequest(form), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("The emulator's refresh grant answered " + response.statusCode());
        }
        return Emulator.parse(response.body()).path("access_token").asText();
    }

    private static Supplier<HttpRequest> accounts(Emulator emulator, String accessToken) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(emulator.apiUrl() + "/accounts"))
                .header("Authorization", "Bearer " + accessToken)
                .GET()
                .build();
        return () -> request;
    }

    private static Supplier<HttpRequest> refresh(Emulator emulator, String form) {
        HttpRequest request = emulator.tokenRequest(form);
        return () -> request;
    }

    private static String section(LoadGenerator.Result accounts, LoadGenerator.Result refresh) {
        return "## " + TITLE + "\n\n"
                + "The emulator in the suite's JVM on 127.0.0.1, a Java load generator (java.net.http, HTTP/1.1,"
                + " " + CONCURRENCY + " threads in a closed loop) in the same JVM, sharing the 2 cores with it: "
                + WARM_UP.toSeconds() + " s warm-up, then " + MEASURED.toSeconds() + " s measured (at most "
                + MAX_REQUESTS + " requests). GET /accounts first with one access token, then the refresh grant"
                + " (each answer replaces the access token; the refresh token stays valid).\n\n"
                + "| endpoint | requests/s | p50 ms | p99 ms | errors | target | verdict |\n"
                + "| --- | --- | --- | --- | --- | --- | --- |\n"
                + row(
                        "GET /accounts",
                        accounts,
                        "at least 2,000/s",
                        Verdict.of(accounts.throughput() >= TARGET_THROUGHPUT))
                + row("POST /auth/token (refresh grant)", refresh, "none", "")
                + "\n";
    }

    private static String row(String name, LoadGenerator.Result result, String target, String verdict) {
        return "| " + name + " | " + Samples.number(result.throughput()) + " | "
                + Samples.number(result.latenciesMillis().median()) + " | "
                + Samples.number(result.latenciesMillis().percentile(99)) + " | " + result.errors() + " | " + target
                + " | " + verdict + " |\n";
    }
}
