package com.roomagent.provisioning.qr;

/**
 * A QR code that does not carry an activation code in a form this device knows. The message says
 * which forms it accepts; it never repeats the scanned text, which may hold a secret.
 */
public final class QrPayloadException extends Exception {
    private static final long serialVersionUID = 1L;

    public QrPayloadException(String message) {
        super(message);
    }
}
