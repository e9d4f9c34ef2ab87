package com.roomagent.agent.provisioning;

import com.roomagent.protocol.activation.PairingSession;
import com.roomagent.provisioning.identity.DeviceIdentity;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Where provisioning stands: an immutable snapshot, safe to read from any thread.
 *
 * @param state the state machine's state
 * @param identity once provisioned, the device's identity
 * @param lastFailure the last failure of any way in, until provisioned
 * @param pairing the pairing session on the display, while there is one
 */
public record ProvisioningStatus(
        State state,
        Optional<DeviceIdentity> identity,
        Optional<LastFailure> lastFailure,
        Optional<PairingSession> pairing) {

    /** The states of provisioning. UNPROVISIONED, PAIRING and ACTIVATING all accept codes. */
    public enum State {
        /** No identity, and no pairing session shown (the cloud could not be reached yet). */
        UNPROVISIONED("unprovisioned"),
        /** A pairing session is on the display; codes are accepted too. */
        PAIRING("pairing"),
        /** An activation code is being sent to the cloud. */
        ACTIVATING("activating"),
        /** The device has an identity. */
        PROVISIONED("provisioned");

        private final String id;

        State(String id) {
            this.id = id;
        }

        /** The state's name on the control socket. */
        public String id() {
            return id;
        }
    }

    /**
     * A failure, as reported.
     *
     * @param failure its cause
     * @param message the installer's message, as displayed
     * @param at when, by the device's clock
     */
    public record LastFailure(EnrollmentException.Failure failure, String message, Instant at) {
        public LastFailure {
            Objects.requireNonNull(failure, "failure");
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(at, "at");
        }
    }

    public ProvisioningStatus {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(lastFailure, "lastFailure");
        Objects.requireNonNull(pairing, "pairing");
    }

    /** The status of a device that has {@code identity}. */
    public static ProvisioningStatus provisioned(DeviceIdentity identity) {
        return new ProvisioningStatus(State.PROVISIONED, Optional.of(identity), Optional.empty(), Optional.empty());
    }
}
