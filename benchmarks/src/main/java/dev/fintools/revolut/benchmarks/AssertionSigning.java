package dev.fintools.revolut.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.runner.options.TimeValue;

/** Item 1: signing one client assertion, in-JVM against the bare JDK signature, and as whole processes. */
final class AssertionSigning {
    static final double TARGET_RATIO = 1.3;
    static final int JMH_ROUNDS = 6;
    static final Jmh.Settings JMH = new Jmh.Settings(2, 3, TimeValue.seconds(1));
    static final int INTERLEAVED_WARM_UP_PAIRS = 2000;
    static final int INTERLEAVED_PAIRS = 5000;
    static final int PROCESS_ROUNDS = 15;

    /** Step 4 of "Generate a client assertion" in the guide, as written there (header.json and payload.json exist). */
    private static final String OPENSSL_RECIPE = """
            cat header.json | tr -d '\\n' | tr -d '\\r' | openssl enc -base64 -A | tr +/ -_ | tr -d '=' > client_assertion.txt
            echo -n "." >> client_assertion.txt
            cat payload.json | tr -d '\\n' | tr -d '\\r' | openssl enc -base64 -A | tr +/ -_ | tr -d '=' >> client_assertion.txt
            cat client_assertion.txt | tr -d '\\n' | tr -d '\\r' | openssl dgst -sha256 -sign privatecert.pem | openssl enc -base64 -A | tr +/ -_ | tr -d '=' > sign.txt
            echo -n "." >> client_assertion.txt
            cat sign.txt >> client_assertion.txt
            """;

    private AssertionSigning() {}

    static String run(Bench bench) throws Exception {
        InterleavedSigning.Result interleaved = InterleavedSigning.run(INTERLEAVED_WARM_UP_PAIRS, INTERLEAVED_PAIRS);
        Jmh.Rounds rounds = Jmh.run(SigningBenchmark.class, List.of("plugin", "floor"), JMH_ROUNDS, JMH);
        Map<String, Samples> processes = processes(bench);
        return section(interleaved, rounds, processes);
    }

    private static Map<String, Samples> processes(Bench bench) throws IOException {
        Path folder = bench.work().resolve("assertion");
        Fixtures.writeKeys(Fixtures.keys(), folder);
        Files.writeString(folder.resolve("header.json"), "{\n  \"alg\": \"RS256\",\n  \"typ\": \"JWT\"\n}\n");
        long exp = System.currentTimeMillis() / 1000 + Fixtures.TTL.toSeconds();
        Files.writeString(
                folder.resolve("payload.json"),
                "{\n  \"iss\": \"example.com\",\n  \"sub\": \"" + Fixtures.CLIENT_ID
                        + "\",\n  \"aud\": \"https://revolut.com\",\n  \"exp\": " + exp + "\n}\n");
        Files.writeString(folder.resolve("recipe.sh"), OPENSSL_RECIPE, StandardCharsets.US_ASCII);
        List<ProcessRace.Contender> contenders = List.of(
                new ProcessRace.Contender(
                        "openssl recipe (bash, 20 child processes)", List.of("bash", "recipe.sh"), folder),
                new ProcessRace.Contender(
                        "JVM process: load PEM, sign, write", bench.java(SignOnce.class, folder.toString()), folder));
        ProcessRace race = bench.race();
        contenders.forEach(race::runOnce);
        return race.run(PROCESS_ROUNDS, contenders);
    }

    private static String section(
            InterleavedSigning.Result interleaved, Jmh.Rounds rounds, Map<String, Samples> processes) {
        Samples ratios = rounds.ratios("plugin", "floor");
        double interleavedRatio =
                interleaved.plugin().median() / interleaved.floor().median();
        StringBuilder text = new StringBuilder();
        text.append("## 1. Assertion signing, per JWT\n\n");
        text.append(
                "Plugin: `ClientAssertion.sign(key, clientId, redirectUri, ttl, clock)` (jjwt, RS256). Floor: a bare"
                        + " JDK `Signature` `SHA256withRSA` (getInstance, initSign, update, sign) over the same"
                        + " `header.payload` bytes with the same 2048-bit key. Microseconds per JWT.\n\n");
        text.append("- JMH: " + JMH.describe() + ", " + JMH_ROUNDS + " rounds alternating which method runs first;"
                + " the ratio is the median of the rounds' ratios (each round's two forks run back to back).\n");
        text.append("- Interleaved: in one JVM, after " + INTERLEAVED_WARM_UP_PAIRS + " warm-up pairs, "
                + INTERLEAVED_PAIRS + " pairs alternating plugin and floor operation by operation, each timed on its"
                + " own, so that load from the machine's other users hits both sides alike.\n\n");
        text.append("| | median µs | spread |\n| --- | --- | --- |\n");
        text.append(row("JMH plugin (ClientAssertion.sign), per iteration", rounds.all("plugin"), "µs"));
        text.append(row("JMH floor (JDK Signature), per iteration", rounds.all("floor"), "µs"));
        text.append(row("interleaved plugin, per operation", interleaved.plugin(), "µs"));
        text.append(row("interleaved floor, per operation", interleaved.floor(), "µs"));
        text.append("\n| figure | value | target | verdict |\n| --- | --- | --- | --- |\n");
        text.append("| plugin / floor, JMH, median of per-round ratios | " + Samples.ratio(ratios.median())
                + " (rounds: "
                + String.join(", ", ratios.values().stream().map(Samples::ratio).toList())
                + ") | at most " + TARGET_RATIO + " | " + Verdict.of(ratios.median() <= TARGET_RATIO) + " |\n");
        text.append("| plugin / floor, interleaved, ratio of medians | " + Samples.ratio(interleavedRatio)
                + " | at most " + TARGET_RATIO + " | " + Verdict.of(interleavedRatio <= TARGET_RATIO) + " |\n\n");
        text.append("Whole processes, for the record (no target): the guide's openssl recipe (step 4 of \"Generate a"
                + " client assertion\", header.json and payload.json already written) against one JVM that loads"
                + " the PEM key, signs one assertion and writes it; " + PROCESS_ROUNDS
                + " alternating rounds, milliseconds.\n\n");
        text.append(processTable(processes));
        return text.toString();
    }

    static String processTable(Map<String, Samples> processes) {
        StringBuilder text = new StringBuilder("| process | median ms | spread |\n| --- | --- | --- |\n");
        processes.values().forEach(samples -> text.append(row(samples.name(), samples, "ms")));
        Samples first = processes.values().iterator().next();
        processes.values().stream()
                .skip(1)
                .forEach(other -> text.append("\nRatio of medians, " + other.name() + " / " + first.name() + ": "
                        + Samples.ratio(other.median() / first.median()) + ".\n"));
        return text.append('\n').toString();
    }

    static String row(String name, Samples samples, String unit) {
        return "| " + name + " | " + Samples.number(samples.median()) + " | " + samples.spread(unit) + " |\n";
    }
}
