package dev.fintools.revolut.benchmarks;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A closed-loop load generator: {@code concurrency} threads, each sending its next request when the previous answer
 * arrived, for a warm-up and then a measured period, stopping early at {@code maxRequests}. Only for 127.0.0.1.
 */
final class LoadGenerator {
    record Result(long requests, long errors, double seconds, Samples latenciesMillis) {
        double throughput() {
            return requests / seconds;
        }
    }

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    Result run(Supplier<HttpRequest> request, int concurrency, Duration warmUp, Duration measured, long maxRequests)
            throws InterruptedException {
        checkLoopback(request.get());
        long measureFrom = System.nanoTime() + warmUp.toNanos();
        long measureUntil = measureFrom + measured.toNanos();
        AtomicLong budget = new AtomicLong(maxRequests);
        AtomicLong errors = new AtomicLong();
        List<List<Double>> latencies = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        AtomicLong lastEnd = new AtomicLong(measureUntil);
        for (int i = 0; i < concurrency; i++) {
            List<Double> mine = new ArrayList<>();
            latencies.add(mine);
            Thread thread = new Thread(
                    () -> loop(request, measureFrom, measureUntil, budget, errors, mine, lastEnd), "load-" + i);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        Samples samples = new Samples("latency");
        latencies.forEach(list -> list.forEach(samples::add));
        double seconds = (Math.min(lastEnd.get(), measureUntil) - measureFrom) / 1e9;
        return new Result(samples.count(), errors.get(), seconds, samples);
    }

    private void loop(
            Supplier<HttpRequest> request,
            long measureFrom,
            long measureUntil,
            AtomicLong budget,
            AtomicLong errors,
            List<Double> latencies,
            AtomicLong lastEnd) {
        while (System.nanoTime() < measureUntil) {
            long start = System.nanoTime();
            if (start >= measureFrom && budget.decrementAndGet() < 0) {
                lastEnd.accumulateAndGet(start, Math::min);
                return;
            }
            boolean ok = send(request.get());
            long end = System.nanoTime();
            if (start >= measureFrom && end <= measureUntil) {
                if (ok) {
                    latencies.add((end - start) / 1e6);
                } else {
                    errors.incrementAndGet();
                }
            }
        }
    }

    private boolean send(HttpRequest request) {
        try {
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return response.statusCode() / 100 == 2;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void checkLoopback(HttpRequest request) {
        String host = request.uri().getHost();
        if (!"127.0.0.1".equals(host) && !"localhost".equals(host)) {
            throw new IllegalArgumentException("The load generator only targets 127.0.0.1, not " + host);
        }
    }
}
