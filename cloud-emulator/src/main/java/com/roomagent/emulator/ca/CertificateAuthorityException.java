package com.roomagent.emulator.ca;

import java.nio.file.Path;

/**
 * The emulator's CA could not be loaded, created or used. The message names the file and what to
 * do (typically: fix the state directory's permissions, or delete both CA files to start over).
 */
public final class CertificateAuthorityException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient Path file;

    public CertificateAuthorityException(Path file, String message, Throwable cause) {
        super(file + ": " + message, cause);
        this.file = file;
    }

    /** The file (or state directory) the failure concerns. */
    public Path file() {
        return file;
    }
}
