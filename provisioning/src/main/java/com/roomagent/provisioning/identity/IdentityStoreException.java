package com.roomagent.provisioning.identity;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The identity store could not read or write the device's identity. The message names the file or
 * directory, says what is wrong, and what to do about it.
 */
public final class IdentityStoreException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient Path path;

    public IdentityStoreException(Path path, String problem) {
        super(path + ": " + problem);
        this.path = Objects.requireNonNull(path, "path");
    }

    public IdentityStoreException(Path path, String problem, Throwable cause) {
        super(path + ": " + problem, cause);
        this.path = Objects.requireNonNull(path, "path");
    }

    /** The file or directory the problem is in. */
    public Path path() {
        return path;
    }
}
