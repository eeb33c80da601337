package dev.fintools.revolut.emulator;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/** Queued faults per exact request path; each fault is used {@code times} times, in the order queued. */
final class Faults {
    private final Map<String, Deque<Remaining>> byPath = new HashMap<>();
    private volatile boolean empty = true;

    private static final class Remaining {
        final Fault fault;
        int left;

        Remaining(Fault fault) {
            this.fault = fault;
            this.left = fault.times();
        }
    }

    synchronized int add(String path, Fault fault) {
        Deque<Remaining> queue = byPath.computeIfAbsent(path, p -> new ArrayDeque<>());
        queue.addLast(new Remaining(fault));
        empty = false;
        return queue.stream().mapToInt(r -> r.left).sum();
    }

    /** The fault for this request, or null; cheap when none is queued, the usual case under load. */
    Fault next(String path) {
        if (empty) {
            return null;
        }
        synchronized (this) {
            Deque<Remaining> queue = byPath.get(path);
            if (queue == null || queue.isEmpty()) {
                return null;
            }
            Remaining head = queue.peekFirst();
            if (--head.left == 0) {
                queue.removeFirst();
            }
            return head.fault;
        }
    }

    synchronized void clear() {
        byPath.clear();
        empty = true;
    }
}
