package com.roomagent.protocol.activation;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * A pending pairing: what the device shows, and where it polls.
 *
 * @param pairingId the session's identifier; the device polls {@code GET /v1/pairings/{pairingId}}
 *     (202 while pending, 200 with an {@link ActivationResponse} once approved, 410 once expired)
 * @param shortCode a short code (eight characters) the device shows beside the QR code, for an
 *     administrator to type when approving
 * @param pairingUri what the QR code encodes: the page where an administrator approves the device
 * @param expiresAt when the session ends unapproved
 * @param pollIntervalSeconds the first interval between polls; the device backs off from it
 */
public record PairingSession(
        String pairingId, String shortCode, URI pairingUri, Instant expiresAt, int pollIntervalSeconds) {
    public PairingSession {
        Objects.requireNonNull(pairingId, "pairingId");
        Objects.requireNonNull(shortCode, "shortCode");
        Objects.requireNonNull(pairingUri, "pairingUri");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
