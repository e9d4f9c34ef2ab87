package com.roomagent.provisioning.identity;

/**
 * A certificate chain that the device cannot use: it does not parse as PEM X.509 certificates, or
 * its first certificate is not for the device's key. The message says which, and what to do.
 */
public final class CertificateChainException extends Exception {
    private static final long serialVersionUID = 1L;

    public CertificateChainException(String message) {
        super(message);
    }

    public CertificateChainException(String message, Throwable cause) {
        super(message, cause);
    }
}
