package com.roomagent.agent.provisioning;

import com.roomagent.protocol.activation.PairingSession;

/**
 * The device's screen while it is provisioned: the pairing QR code and short code, the last
 * failure or progress message, and the outcome. Implementations must be thread-safe and must not
 * throw: a display that cannot draw logs it, and provisioning goes on.
 */
public interface Display {
    /** A new pairing session: show its QR code (the pairing URI) and its short code. */
    void showPairing(PairingSession session);

    /** A message under the pairing code, replacing the previous one: a failure or progress. */
    void showMessage(String message);

    /** The device is provisioned: no code to show any more. */
    void showProvisioned(String deviceId, String organizationId);
}
