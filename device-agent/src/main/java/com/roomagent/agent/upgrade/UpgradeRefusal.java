package com.roomagent.agent.upgrade;

/** Why the agent refused an upgrade (R19); each outcome's message says what, which URL, what to do. */
public enum UpgradeRefusal {
    /** The manifest has no signature ({@code /v1/manifest.sig} answered 404). */
    UNSIGNED_MANIFEST("unsigned-manifest"),
    /** The signature does not verify with the pinned key, or is not Ed25519. */
    BAD_SIGNATURE("bad-signature"),
    /** The signed manifest cannot be read (JSON, version, URL). */
    MALFORMED_MANIFEST("malformed-manifest"),
    /** The manifest offers an older version than the one running or installed. */
    DOWNGRADE("downgrade"),
    /** The manifest announces an image larger than {@code upgrade.maxImageMegabytes}. */
    TOO_LARGE("too-large"),
    /** The downloaded image's size differs from the manifest's. */
    WRONG_SIZE("wrong-size"),
    /** The downloaded image's SHA-256 digest differs from the manifest's. */
    DIGEST_MISMATCH("digest-mismatch");

    private final String id;

    UpgradeRefusal(String id) {
        this.id = id;
    }

    /** A stable identifier, for logs and the control socket. */
    public String id() {
        return id;
    }
}
