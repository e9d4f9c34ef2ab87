package com.roomagent.agent.upgrade;

import java.nio.file.Path;

/** The pinned upgrade-signing key ({@code upgrade.signingKey}) cannot be read. */
public final class SigningKeyException extends Exception {
    private static final long serialVersionUID = 1L;

    public SigningKeyException(Path file, String problem, Throwable cause) {
        super(
                file + " (upgrade.signingKey) " + problem
                        + "; it must be a PEM PUBLIC KEY holding the organization's Ed25519 upgrade-signing key",
                cause);
    }
}
