package dev.fintools.revolut.mojo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fintools.revolut.emulator.EmulatorConfig;
import dev.fintools.revolut.emulator.RevolutEmulator;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class SharedEmulatorTest {
    private final AtomicInteger starts = new AtomicInteger();
    private final Supplier<RevolutEmulator> starter = () -> {
        starts.incrementAndGet();
        return RevolutEmulator.start(EmulatorConfig.defaults());
    };

    @Test
    void startsOneEmulatorForEveryModule() {
        SharedEmulator shared = new SharedEmulator(3);

        SharedEmulator.Lease first = shared.acquire(starter);
        SharedEmulator.Lease second = shared.acquire(starter);
        shared.release();
        shared.release();

        assertThat(starts).hasValue(1);
        assertThat(first.started()).isTrue();
        assertThat(second.started()).isFalse();
        assertThat(second.emulator()).isSameAs(first.emulator());
    }

    @Test
    void keepsRunningWhenAnEarlyModuleStopsBeforeTheOthersStart() {
        SharedEmulator shared = new SharedEmulator(3);
        URI url = shared.acquire(starter).emulator().url();

        boolean stopped = shared.release();

        assertThat(stopped).isFalse();
        assertThat(listening(url)).isTrue();
        assertThat(shared.acquire(starter).started()).isFalse();
    }

    @Test
    void stopsAfterTheLastExpectedModuleReleases() {
        SharedEmulator shared = new SharedEmulator(2);
        URI url = shared.acquire(starter).emulator().url();
        shared.acquire(starter);
        shared.release();

        boolean stopped = shared.release();

        assertThat(stopped).isTrue();
        assertThat(listening(url)).isFalse();
    }

    @Test
    void countsStartsWhenNoModuleDeclaresTheGoal() {
        SharedEmulator shared = new SharedEmulator(0);
        shared.acquire(starter);

        boolean stopped = shared.release();

        assertThat(stopped).isTrue();
    }

    private static boolean listening(URI url) {
        try (Socket socket = new Socket(url.getHost(), url.getPort())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
