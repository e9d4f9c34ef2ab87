package com.roomagent.emulator.ca;

/**
 * A certificate signing request the CA will not sign: not a PKCS #10 PEM block, a signature that
 * does not verify, or a key other than EC P-256. The message says which, for the device's log.
 */
public final class BadCsrException extends Exception {
    private static final long serialVersionUID = 1L;

    public BadCsrException(String message) {
        super(message);
    }

    public BadCsrException(String message, Throwable cause) {
        super(message, cause);
    }
}
