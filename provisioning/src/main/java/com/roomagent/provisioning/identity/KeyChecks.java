package com.roomagent.provisioning.identity;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;

/** Whether a private key and a public key are two halves of one pair. */
final class KeyChecks {
    private KeyChecks() {}

    /**
     * Signs random bytes with {@code privateKey} and verifies them with {@code publicKey}: a test
     * that holds for any provider's key encoding, unlike comparing encoded forms.
     */
    static boolean belongTogether(PrivateKey privateKey, PublicKey publicKey) {
        if (!"EC".equals(privateKey.getAlgorithm()) || !"EC".equals(publicKey.getAlgorithm())) {
            return false;
        }
        byte[] challenge = new byte[32];
        new SecureRandom().nextBytes(challenge);
        try {
            Signature signer = Signature.getInstance(CertificateRequests.SIGNATURE_ALGORITHM);
            signer.initSign(privateKey);
            signer.update(challenge);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(CertificateRequests.SIGNATURE_ALGORITHM);
            verifier.initVerify(publicKey);
            verifier.update(challenge);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            // A key of another curve, or one the provider rejects, is not this pair's other half.
            return false;
        }
    }
}
