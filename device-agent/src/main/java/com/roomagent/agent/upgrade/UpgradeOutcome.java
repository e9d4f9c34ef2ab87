package com.roomagent.agent.upgrade;

import java.util.Objects;
import java.util.Optional;

/**
 * What one upgrade check did.
 *
 * @param status what happened
 * @param version the version the manifest offered, when it could be read
 * @param refusal for {@link Status#REFUSED}, why
 * @param message for people: what happened, with which URL, and what to do
 */
public record UpgradeOutcome(
        Status status, Optional<String> version, Optional<UpgradeRefusal> refusal, String message) {
    /** The kinds of outcome. */
    public enum Status {
        /** The offered version is the one running or already installed. */
        UP_TO_DATE,
        /** A newer image was downloaded, verified and installed by the installer hook. */
        INSTALLED,
        /** A newer image was downloaded and verified; no installer hook is configured. */
        VERIFIED_NOT_INSTALLED,
        /** The offer was refused: see {@link UpgradeRefusal}. Nothing was installed. */
        REFUSED,
        /** The check could not complete (upgrade service unreachable, installer failed); retried later. */
        FAILED
    }

    public UpgradeOutcome {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(refusal, "refusal");
        Objects.requireNonNull(message, "message");
        if ((status == Status.REFUSED) != refusal.isPresent()) {
            throw new IllegalArgumentException("a refusal, and only a refusal, has a reason");
        }
    }

    static UpgradeOutcome refused(UpgradeRefusal refusal, String version, String message) {
        return new UpgradeOutcome(Status.REFUSED, Optional.ofNullable(version), Optional.of(refusal), message);
    }

    static UpgradeOutcome of(Status status, String version, String message) {
        return new UpgradeOutcome(status, Optional.ofNullable(version), Optional.empty(), message);
    }
}
