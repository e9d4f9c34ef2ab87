package com.roomagent.emulator.ca;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A device's client certificate as the CA issued it, with the chain a device presents: the device
 * certificate, then the CA certificate. The device's private key never reaches the cloud.
 *
 * @param chain the device certificate first, then the CA certificate
 * @param pemChain the same certificates as PEM (RFC 7468), in the same order: what {@code
 *     ActivationResponse.certificateChainPem} carries
 */
public record DeviceCertificate(List<X509Certificate> chain, List<String> pemChain) {
    public DeviceCertificate {
        chain = List.copyOf(chain);
        pemChain = List.copyOf(pemChain);
        if (chain.size() < 2 || chain.size() != pemChain.size()) {
            throw new IllegalArgumentException("a device chain holds the device certificate and its CA, each once as"
                    + " a certificate and once as PEM");
        }
    }

    /** The device's own certificate. */
    public X509Certificate leaf() {
        return chain.get(0);
    }
}
