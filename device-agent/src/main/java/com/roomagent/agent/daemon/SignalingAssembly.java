package com.roomagent.agent.daemon;

import com.roomagent.agent.config.AgentConfiguration;
import com.roomagent.agent.config.AgentSettings;
import com.roomagent.agent.discovery.TrustAnchorException;
import com.roomagent.agent.signaling.DeviceTls;
import com.roomagent.agent.signaling.SignalingClient;
import com.roomagent.agent.signaling.SignalingTiming;
import com.roomagent.provisioning.identity.DeviceIdentity;
import java.security.SecureRandom;
import java.time.Clock;

/** Builds the signaling client from the agent's configuration and the device's identity. */
final class SignalingAssembly {
    private SignalingAssembly() {}

    /**
     * A client registering {@code identity} at {@code cloud.signalingUrl}, over mutual TLS, through
     * the configured proxy (the same HTTPS client factory as every other cloud request).
     *
     * @throws TrustAnchorException when the configured trust anchors cannot be read
     */
    static SignalingClient signalingClient(AgentConfiguration configuration, Clock clock, DeviceIdentity identity)
            throws TrustAnchorException {
        return new SignalingClient(
                DiscoveryAssembly.cloudHttp(configuration, DeviceTls.sslContext(configuration, identity)),
                configuration.get(AgentSettings.CLOUD_SIGNALING_URL),
                SignalingTiming.from(configuration),
                clock,
                new SecureRandom());
    }
}
