package dev.fintools.revolut.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Where the suite runs: the repository, its work folder, the benchmarks jar and how to start Maven. */
record Bench(Path root, Path work, Path jar, List<String> maven, Path log) {
    static Bench fromSystemProperties() {
        Path root = Path.of(System.getProperty("bench.root")).toAbsolutePath();
        Path work = Path.of(System.getProperty("bench.work")).toAbsolutePath();
        List<String> maven = new ArrayList<>();
        maven.add(root.resolve("mvnw").toString());
        maven.addAll(
                Arrays.asList(System.getProperty("bench.mavenArgs", "-B").trim().split("\\s+")));
        return new Bench(
                root,
                work,
                Path.of(System.getProperty("bench.jar")).toAbsolutePath(),
                maven,
                work.resolve("processes.log"));
    }

    /** {@code java -cp benchmarks.jar mainClass args...}, with the JVM that runs the suite. */
    List<String> java(Class<?> mainClass, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                jar.toString(),
                mainClass.getName()));
        command.addAll(Arrays.asList(args));
        return command;
    }

    /** The wrapper with the suite's Maven options, then {@code args}. */
    List<String> mvn(String... args) {
        List<String> command = new ArrayList<>(maven);
        command.addAll(Arrays.asList(args));
        return command;
    }

    ProcessRace race() {
        return new ProcessRace(log);
    }
}
