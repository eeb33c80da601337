package dev.fintools.revolut.benchmarks;

import java.nio.file.Path;

/** Item 2 as a whole process: one JVM that writes a key and a certificate the plugin's way, then exits. */
public final class KeygenOnce {
    private KeygenOnce() {}

    public static void main(String[] args) throws Exception {
        Fixtures.writeKeys(Fixtures.keys(), Path.of(args[0]));
    }
}
