package com.roomagent.provisioning.identity;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The child process of {@link IdentityStoreKillTest}: saves identity A, then B, then A... into a
 * state directory as fast as it can, printing a line after each save, until it is killed.
 *
 * <p>Arguments: the state directory of A, that of B (each holding one saved identity), and the
 * state directory to save into. Bounded: it stops by itself after {@link #LIFETIME}, in case the
 * test that started it died without killing it.
 */
public final class IdentitySaveLoop {
    static final String SAVED = "saved";
    private static final Duration LIFETIME = Duration.ofSeconds(60);

    private IdentitySaveLoop() {}

    public static void main(String[] args) throws Exception {
        DeviceIdentity a = new IdentityStore(Path.of(args[0])).load().orElseThrow();
        DeviceIdentity b = new IdentityStore(Path.of(args[1])).load().orElseThrow();
        IdentityStore store = new IdentityStore(Path.of(args[2]));
        long deadline = System.nanoTime() + LIFETIME.toNanos();
        for (long saves = 0; System.nanoTime() - deadline < 0; saves++) {
            DeviceIdentity next = saves % 2 == 0 ? a : b;
            store.save(next);
            System.out.println(SAVED + " " + next.deviceId() + " " + saves);
            System.out.flush();
        }
    }
}
