package dev.fintools.revolut.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Item 2: a 2048-bit key and a self-signed certificate, the plugin's way against openssl's. */
final class KeyGeneration {
    static final int PROCESS_ROUNDS = 16;
    static final int JMH_ROUNDS = 2;
    static final Jmh.Settings JMH = new Jmh.Settings(5, 25, null);

    private KeyGeneration() {}

    static String run(Bench bench) throws IOException {
        Map<String, Samples> processes = processes(bench);
        Jmh.Rounds rounds = Jmh.run(KeyGenerationBenchmark.class, List.of("plugin", "jdkKeyPairOnly"), JMH_ROUNDS, JMH);
        return section(processes, rounds);
    }

    private static Map<String, Samples> processes(Bench bench) {
        Path folder = bench.work().resolve("keygen");
        String openssl = "openssl genrsa -out privatecert.pem 2048 2>/dev/null"
                + " && openssl req -new -x509 -key privatecert.pem -out publiccert.cer -days 1825"
                + " -subj '/CN=Revolut Business API client'";
        List<ProcessRace.Contender> contenders = List.of(
                new ProcessRace.Contender(
                        "openssl genrsa + openssl req -x509",
                        List.of("bash", "-c", openssl),
                        folder.resolve("openssl")),
                new ProcessRace.Contender(
                        "JVM process: KeyGenerator + PemEncoding, write both",
                        bench.java(KeygenOnce.class, folder.resolve("java").toString()),
                        folder),
                new ProcessRace.Contender(
                        "mvn revolut:keygen (Maven start-up included)",
                        bench.mvn(
                                "-q",
                                "dev.fintools:revolut-maven-plugin:0.1.0-SNAPSHOT:keygen",
                                "-Drevolut.home=" + folder.resolve("maven"),
                                "-Drevolut.overwrite=true"),
                        folder.resolve("maven-cwd")));
        ProcessRace race = bench.race();
        contenders.forEach(race::runOnce);
        return race.run(PROCESS_ROUNDS, contenders);
    }

    private static String section(Map<String, Samples> processes, Jmh.Rounds rounds) {
        Samples plugin = rounds.all("plugin");
        Samples floor = rounds.all("jdkKeyPairOnly");
        StringBuilder text = new StringBuilder("## 2. Key and certificate generation\n\n");
        text.append("No numeric target: the figures are for the record. RSA generation searches random primes, so"
                + " single runs vary a lot; the spread is the point.\n\n");
        text.append("Whole processes, " + PROCESS_ROUNDS + " rounds, the order reversed every round; milliseconds."
                + " openssl: the guide's two commands with the subject on the command line instead of the"
                + " prompts.\n\n");
        text.append(AssertionSigning.processTable(processes));
        text.append("In one JVM (" + JMH.describe() + ", " + JMH_ROUNDS + " alternating rounds; milliseconds per"
                + " key): the plugin's key, certificate and both PEM texts, against the JDK's RSA key pair alone.\n\n");
        text.append("| | median ms | spread |\n| --- | --- | --- |\n");
        text.append(AssertionSigning.row("plugin: key + certificate + PEM", plugin, "ms"));
        text.append(AssertionSigning.row("JDK KeyPairGenerator alone", floor, "ms"));
        text.append("\nRatio of medians, plugin / JDK key pair alone: "
                + Samples.ratio(plugin.median() / floor.median()) + ".\n\n");
        return text.toString();
    }
}
