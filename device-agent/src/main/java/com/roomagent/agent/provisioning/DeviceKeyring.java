package com.roomagent.agent.provisioning;

import com.roomagent.provisioning.identity.CertificateRequests;
import com.roomagent.provisioning.identity.DeviceKeys;
import com.roomagent.provisioning.identity.IdentityStore;
import com.roomagent.provisioning.identity.IdentityStoreException;
import java.security.KeyPair;
import java.util.Optional;

/**
 * The key pair of the enrollment in progress: generated on the device, and saved as the pending key
 * before any CSR for it leaves the device, so a restart retries with the same key (which the cloud
 * treats as the same request). Confined to the provisioning thread.
 */
final class DeviceKeyring {
    private final IdentityStore store;
    private final String subject;
    private KeyPair keys;

    /** @param subject the CSR's subject common name: the serial number (the cloud sets the device id) */
    DeviceKeyring(IdentityStore store, String subject) {
        this.store = store;
        this.subject = subject;
    }

    /**
     * The pending key pair: the one saved by an earlier attempt, or a new one, saved now.
     *
     * @throws EnrollmentException {@link EnrollmentException.Failure#STORAGE_FAILED} when it cannot
     *     be read or saved; nothing is sent then
     */
    KeyPair pendingKeys() throws EnrollmentException {
        if (keys != null) {
            return keys;
        }
        try {
            Optional<KeyPair> saved = store.loadPendingKey();
            if (saved.isPresent()) {
                keys = saved.get();
            } else {
                KeyPair fresh = DeviceKeys.generate();
                store.savePendingKey(fresh);
                keys = fresh;
            }
            return keys;
        } catch (IdentityStoreException e) {
            throw EnrollmentFailures.storage(e.getMessage(), e);
        }
    }

    /** A PKCS#10 request (PEM) for {@code pair}. */
    String csr(KeyPair pair) {
        return CertificateRequests.csrPem(pair, subject);
    }
}
