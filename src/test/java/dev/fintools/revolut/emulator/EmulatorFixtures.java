package dev.fintools.revolut.emulator;

/** Test material the goals' tests in other packages need. */
public final class EmulatorFixtures {
    private EmulatorFixtures() {}

    /** A PEM X.509 certificate of a 2048-bit RSA key. */
    public static String certificate() {
        return TestKeys.CERTIFICATE;
    }
}
