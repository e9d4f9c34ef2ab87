package com.roomagent.emulator;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * SIGTERM and SIGINT, as the JVM delivers them: by running shutdown hooks. The hook asks the main
 * thread to stop, waits for it to close the emulator, then ends the JVM with the command's exit
 * code. Without that last step a JVM stopped by a signal exits with 143 (128 + SIGTERM), and
 * service managers would report a clean stop as a failure.
 */
final class ShutdownSignal {
    /** How long the hook waits for a clean close before letting the JVM die anyway. */
    static final Duration CLOSE_GRACE = Duration.ofSeconds(20);

    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile int exitCode = 1;
    private volatile boolean signalled;

    /** A signal that only {@link #requestStop()} triggers: for running the command in a test. */
    static ShutdownSignal manual() {
        return new ShutdownSignal();
    }

    /** A signal triggered by the JVM's shutdown (SIGTERM, SIGINT, System.exit). */
    static ShutdownSignal onJvmShutdown() {
        ShutdownSignal signal = new ShutdownSignal();
        Runtime.getRuntime().addShutdownHook(new Thread(signal::onShutdown, "shutdown-signal"));
        return signal;
    }

    /** Blocks until a stop is requested. */
    void awaitStopRequest() throws InterruptedException {
        stopRequested.await();
    }

    void requestStop() {
        stopRequested.countDown();
    }

    /** The main thread is done: the hook, if running, may end the JVM with {@code code}. */
    void finished(int code) {
        exitCode = code;
        finished.countDown();
    }

    /** Whether the JVM is shutting down; then {@link System#exit} would block, so it must not be called. */
    boolean signalled() {
        return signalled;
    }

    private void onShutdown() {
        signalled = true;
        requestStop();
        try {
            if (finished.await(CLOSE_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                System.err.flush();
                System.out.flush();
                // Other hooks are skipped: the emulator registers none, and its resources are closed.
                Runtime.getRuntime().halt(exitCode);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
