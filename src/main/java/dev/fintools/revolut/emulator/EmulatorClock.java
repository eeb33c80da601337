package dev.fintools.revolut.emulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/** A clock that tests move forward: the base clock plus an offset. Every time check in the emulator reads it. */
final class EmulatorClock extends Clock {
    private final Clock base;
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    EmulatorClock(Clock base) {
        this.base = base;
    }

    void advance(Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("The emulator clock only moves forward; got " + amount);
        }
        offset.accumulateAndGet(amount, Duration::plus);
    }

    void reset() {
        offset.set(Duration.ZERO);
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("The emulator clock has one zone: " + base.getZone());
    }
}
