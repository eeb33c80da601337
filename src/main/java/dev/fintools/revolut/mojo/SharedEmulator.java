package dev.fintools.revolut.mojo;

import dev.fintools.revolut.emulator.RevolutEmulator;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The one emulator of a Maven session, shared by every module of a (parallel) reactor build and kept in the
 * session's repository data, never in a static field. It stops when every module that starts it has stopped it: the
 * number of such modules is counted from the reactor up front, so a module that finishes early under {@code -T 4}
 * does not stop the emulator while the others still need it.
 */
final class SharedEmulator {
    private final int expectedUsers;
    private RevolutEmulator emulator;
    private String generatedClientId;
    private int starts;
    private int stops;

    SharedEmulator(int expectedUsers) {
        this.expectedUsers = expectedUsers;
    }

    /**
     * One module's use of the emulator.
     *
     * @param emulator the running emulator
     * @param started whether this module started it
     */
    record Lease(RevolutEmulator emulator, boolean started) {}

    /** The running emulator, started by {@code starter} for the first module that asks. */
    synchronized Lease acquire(Supplier<RevolutEmulator> starter) {
        boolean starting = emulator == null;
        if (starting) {
            emulator = starter.get();
            starts = 0;
            stops = 0;
        }
        starts++;
        return new Lease(emulator, starting);
    }

    /** Releases one module's use; stops the emulator after the last one and returns whether it did. */
    synchronized boolean release() {
        if (emulator == null) {
            return false;
        }
        stops++;
        if (stops < Math.max(expectedUsers, starts)) {
            return false;
        }
        emulator.close();
        emulator = null;
        return true;
    }

    /** The running emulator, if any. */
    synchronized Optional<RevolutEmulator> running() {
        return Optional.ofNullable(emulator);
    }

    synchronized String generatedClientId() {
        return generatedClientId;
    }

    synchronized void generatedClientId(String clientId) {
        generatedClientId = clientId;
    }
}
