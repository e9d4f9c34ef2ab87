package com.roomagent.protocol.upgrade;

import java.util.Objects;

/**
 * The signature served at {@code GET {upgradeUrl}/v1/manifest.sig}: Ed25519 (RFC 8032) over the
 * exact bytes served at {@code /v1/manifest}, made with the organization's upgrade-signing key,
 * whose public key is pinned on the device ({@code upgrade.signingKey}).
 *
 * @param algorithm always {@value #ED25519}
 * @param signature the 64-byte signature, base64 (RFC 4648 section 4)
 */
public record ManifestSignature(String algorithm, String signature) {
    /** The only algorithm: Ed25519, the JDK's name for it. */
    public static final String ED25519 = "Ed25519";

    public ManifestSignature {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(signature, "signature");
    }
}
