package com.roomagent.agent.daemon;

import com.roomagent.agent.discovery.NetworkFingerprint;
import com.roomagent.agent.discovery.NetworkStateSource;
import java.util.List;

/** A network whose interfaces and default route the test sets. */
final class FakeNetworkStateSource implements NetworkStateSource {
    private volatile NetworkFingerprint state;

    FakeNetworkStateSource(String address, String gateway) {
        moveTo(address, gateway);
    }

    /** From the next poll on, eth0 has {@code address}/24 and the default route goes via {@code gateway}. */
    void moveTo(String address, String gateway) {
        state = new NetworkFingerprint(
                List.of("eth0 " + address + "/24"), List.of("default via " + gateway + " dev eth0 metric 100"));
    }

    @Override
    public NetworkFingerprint read() {
        return state;
    }
}
