package com.roomagent.provisioning.identity;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;

/** Generates the device's key pair. The private key is made on the device and never leaves it. */
public final class DeviceKeys {
    /** The curve of every device key: NIST P-256, which the cloud requires of a CSR. */
    public static final String CURVE = "secp256r1";

    private DeviceKeys() {}

    /**
     * A fresh EC P-256 key pair from the platform's strongest default {@link SecureRandom}.
     *
     * @throws IllegalStateException if the Java runtime has no EC P-256 support (every Java SE 17
     *     runtime has it; a trimmed runtime needs the {@code jdk.crypto.ec} module)
     */
    public static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec(CURVE), new SecureRandom());
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "this Java runtime cannot generate EC " + CURVE + " keys; include the jdk.crypto.ec module", e);
        }
    }
}
