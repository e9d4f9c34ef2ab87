package com.roomagent.protocol.activation;

import java.time.Instant;
import java.util.Objects;

/**
 * The answer to the administrator's {@code POST /v1/admin/activation-codes}: a fresh code.
 *
 * @param activationCode the code, formatted for people ({@link ActivationCode#formatted()})
 * @param organizationId the organization a device activated with it joins
 * @param expiresAt when the code stops working if unused
 */
public record IssuedCode(String activationCode, String organizationId, Instant expiresAt) {
    public IssuedCode {
        Objects.requireNonNull(activationCode, "activationCode");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
