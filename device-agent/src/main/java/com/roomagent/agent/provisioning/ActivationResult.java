package com.roomagent.agent.provisioning;

import com.roomagent.provisioning.identity.DeviceIdentity;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** How one activation attempt ended. */
public sealed interface ActivationResult {
    /** The code worked: the device has this identity now. */
    record Provisioned(DeviceIdentity identity) implements ActivationResult {
        public Provisioned {
            Objects.requireNonNull(identity, "identity");
        }
    }

    /** The device had an identity already (another way in won first); the code was not used. */
    record AlreadyProvisioned(DeviceIdentity identity) implements ActivationResult {
        public AlreadyProvisioned {
            Objects.requireNonNull(identity, "identity");
        }
    }

    /**
     * The attempt failed.
     *
     * @param retryIn when the failure may pass, the wait before the device tries the same code again
     *     by itself; empty when it will not
     */
    record Failed(EnrollmentException failure, Optional<Duration> retryIn) implements ActivationResult {
        public Failed {
            Objects.requireNonNull(failure, "failure");
            Objects.requireNonNull(retryIn, "retryIn");
        }
    }
}
