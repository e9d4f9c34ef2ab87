package com.roomagent.agent.discovery;

import java.io.IOException;

/**
 * Reads the current {@link NetworkFingerprint}. {@link RealNetworkStateSource} reads the system;
 * tests pass a fake whose answers they set.
 */
@FunctionalInterface
public interface NetworkStateSource {
    /**
     * The fingerprint now. Called from one thread at a time.
     *
     * @throws IOException when the system's network state cannot be read
     */
    NetworkFingerprint read() throws IOException;
}
