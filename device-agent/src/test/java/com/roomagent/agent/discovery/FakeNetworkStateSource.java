package com.roomagent.agent.discovery;

import java.io.IOException;
import java.util.List;

/** A network whose state the test sets; it can also be made unreadable. */
final class FakeNetworkStateSource implements NetworkStateSource {
    private volatile NetworkFingerprint state;
    private volatile boolean failing;
    private volatile int reads;

    FakeNetworkStateSource(NetworkFingerprint initial) {
        this.state = initial;
    }

    static NetworkFingerprint fingerprint(String address, String gateway) {
        return new NetworkFingerprint(
                List.of("eth0 " + address + "/24"), List.of("default via " + gateway + " dev eth0 metric 100"));
    }

    void set(NetworkFingerprint next) {
        state = next;
    }

    void failReads(boolean fail) {
        failing = fail;
    }

    int reads() {
        return reads;
    }

    @Override
    public NetworkFingerprint read() throws IOException {
        reads++;
        if (failing) {
            throw new IOException("netlink says no (fake)");
        }
        return state;
    }
}
