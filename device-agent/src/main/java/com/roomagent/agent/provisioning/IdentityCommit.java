package com.roomagent.agent.provisioning;

import com.roomagent.protocol.activation.ActivationResponse;
import com.roomagent.provisioning.identity.CertificateChainException;
import com.roomagent.provisioning.identity.DeviceIdentity;
import com.roomagent.provisioning.identity.IdentityStore;
import com.roomagent.provisioning.identity.IdentityStoreException;
import java.security.KeyPair;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The end of every way in: the cloud's answer is checked (its certificate is for the pending key),
 * stored atomically, and the pending key dropped. Confined to the provisioning thread.
 */
final class IdentityCommit {
    private static final Logger LOG = LoggerFactory.getLogger(IdentityCommit.class);

    private final IdentityStore store;

    IdentityCommit(IdentityStore store) {
        this.store = store;
    }

    /**
     * @throws EnrollmentException {@link EnrollmentException.Failure#BAD_RESPONSE} when the chain is
     *     not for {@code keys}, {@link EnrollmentException.Failure#STORAGE_FAILED} when it cannot be
     *     stored (the previous state is then unchanged)
     */
    DeviceIdentity commit(ActivationResponse response, KeyPair keys, Instant now) throws EnrollmentException {
        DeviceIdentity issued;
        try {
            issued = DeviceIdentity.fromActivation(response, keys, now);
        } catch (CertificateChainException e) {
            throw EnrollmentFailures.badResponse(e.getMessage(), e);
        }
        try {
            store.save(issued);
        } catch (IdentityStoreException e) {
            throw EnrollmentFailures.storage(e.getMessage(), e);
        }
        try {
            store.clearPendingKey();
        } catch (IdentityStoreException e) {
            // The identity is stored; the stale pending key is removed at the next factory reset.
            LOG.warn("event=pending-key-not-cleared error=\"{}\"", e.getMessage());
        }
        return issued;
    }
}
