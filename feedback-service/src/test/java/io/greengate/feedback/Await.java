package io.greengate.feedback;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for what the consumers do asynchronously. */
public final class Await {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private Await() {
    }

    public static void until(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting until " + what);
            }
        }
        throw new AssertionError("not within " + TIMEOUT + ": " + what);
    }
}
