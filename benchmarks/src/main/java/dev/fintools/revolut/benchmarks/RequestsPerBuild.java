package dev.fintools.revolut.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Item 4: token requests made by four concurrent {@code -T 4} builds of a four-module reactor. */
final class RequestsPerBuild {
    static final String TITLE = "4. Token requests per build";
    static final String TARGET = "4 concurrent builds of a 4-module reactor with -T 4: 1 token request in total";
    static final List<String> MODULES = List.of("m1", "m2", "m3", "m4");
    static final int BUILDS = 4;

    private RequestsPerBuild() {}

    static String run(Bench bench) throws Exception {
        String missing = Prerequisites.missing(true, "token");
        if (missing != null) {
            return Suite.skipped(TITLE, TARGET, missing);
        }
        Path folder = bench.work().resolve("requests");
        Path reactor = SampleProjects.reactor(folder.resolve("reactor"), MODULES);
        try (Emulator emulator = Emulator.start(folder.resolve("keys"))) {
            long shared = builds(bench, reactor, emulator, folder.resolve("shared-home"), false);
            long sharedAgain = builds(bench, reactor, emulator, folder.resolve("shared-home"), false);
            long naive = builds(bench, reactor, emulator, folder.resolve("naive-home"), true);
            return section(shared, sharedAgain, naive);
        }
    }

    /** Starts {@link #BUILDS} builds at once and returns the token requests they made together. */
    private static long builds(Bench bench, Path reactor, Emulator emulator, Path homeRoot, boolean naive)
            throws Exception {
        Map<String, String> environment = emulator.buildEnvironment(); // may exchange a code: before counting
        long before = emulator.tokenRequests();
        List<Process> processes = new ArrayList<>();
        for (int build = 1; build <= BUILDS; build++) {
            List<String> command = bench.mvn(
                    "-q",
                    "-T",
                    "4",
                    "validate",
                    "-Dbench.homeRoot=" + homeRoot,
                    "-Dbench.build=" + build,
                    "-Drevolut.apiUrl=" + emulator.apiUrl(),
                    "-Drevolut.webAppUrl=" + emulator.webAppUrl());
            if (naive) {
                command.add("-Pnaive");
            }
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(reactor.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(bench.log().toFile()));
            builder.environment().putAll(environment);
            processes.add(builder.start());
        }
        for (Process process : processes) {
            if (process.waitFor() != 0) {
                throw new IllegalStateException("A reactor build failed; see " + bench.log());
            }
        }
        return emulator.tokenRequests() - before;
    }

    private static String section(long shared, long sharedAgain, long naive) {
        long naiveExpected = (long) MODULES.size() * BUILDS;
        return "## " + TITLE + "\n\n"
                + BUILDS + " builds started at once, each `mvn -q -T 4 validate` of a reactor of "
                + MODULES.size() + " modules that each bind `revolut:token`, starting without a stored access token"
                + " (the refresh token, from one consent and code exchange made beforehand, in REVOLUT_REFRESH_TOKEN):"
                + " the first caller refreshes and stores the access token, every other caller of every build must"
                + " find it valid in the store. Token requests (both grants) counted by the emulator"
                + " (`RevolutEmulator.counts()`) over each batch of builds."
                + " Then the same 4 builds again on the same store. Naive: the same builds with one token store"
                + " per module and build (`-Pnaive`, a `revolut.home` of their own), so nothing is shared.\n\n"
                + "| approach | token requests | target | verdict |\n| --- | --- | --- | --- |\n"
                + "| plugin, one shared store | " + shared + " | 1 | " + Verdict.of(shared == 1) + " |\n"
                + "| plugin, the same 4 builds again, stored token still valid | " + sharedAgain + " | 0 | "
                + Verdict.of(sharedAgain == 0) + " |\n"
                + "| naive, nothing shared | " + naive + " | (" + naiveExpected
                + " = one per module and build) | |\n\n";
    }
}
