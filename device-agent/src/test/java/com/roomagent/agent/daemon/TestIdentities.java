package com.roomagent.agent.daemon;

import com.roomagent.emulator.CloudEmulator;
import com.roomagent.protocol.activation.ActivationCode;
import com.roomagent.protocol.activation.ActivationRequest;
import com.roomagent.protocol.activation.ActivationResponse;
import com.roomagent.protocol.activation.IssuedCode;
import com.roomagent.provisioning.identity.CertificateRequests;
import com.roomagent.provisioning.identity.DeviceIdentity;
import com.roomagent.provisioning.identity.DeviceKeys;
import com.roomagent.provisioning.identity.IdentityStore;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;

/** Devices that are provisioned before the daemon starts, by the emulator's own activation service. */
public final class TestIdentities {
    private TestIdentities() {}

    /** Enrolls a fresh key with a fresh code, in process, and stores the identity in {@code stateDir}. */
    public static DeviceIdentity provision(CloudEmulator emulator, Path stateDir) throws Exception {
        KeyPair keys = DeviceKeys.generate();
        IssuedCode code = emulator.issueCode("org-test", Duration.ofMinutes(5));
        ActivationResponse response = emulator.provisioning()
                .activate(new ActivationRequest(
                        ActivationCode.parse(code.activationCode()).digits(),
                        CertificateRequests.csrPem(keys, "pre-provisioned"),
                        "emulated-board",
                        "pre-provisioned"));
        DeviceIdentity identity = DeviceIdentity.fromActivation(response, keys, Instant.now());
        new IdentityStore(stateDir).save(identity);
        return identity;
    }
}
