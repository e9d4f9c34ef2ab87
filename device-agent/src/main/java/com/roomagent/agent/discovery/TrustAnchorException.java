package com.roomagent.agent.discovery;

import java.io.IOException;
import java.nio.file.Path;

/** A PEM file of trust anchors could not be used; the message names the file and the reason. */
public final class TrustAnchorException extends IOException {
    private final Path file;

    public TrustAnchorException(Path file, String reason, Throwable cause) {
        super("trust anchors " + file + ": " + reason, cause);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
