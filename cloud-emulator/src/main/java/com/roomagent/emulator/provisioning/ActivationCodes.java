package com.roomagent.emulator.provisioning;

import com.roomagent.protocol.activation.ActivationCode;
import com.roomagent.protocol.activation.ActivationResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * The activation codes issued since start, kept by the SHA-256 of their digits: the codes
 * themselves are not stored, so neither a heap dump nor a debugger shows them.
 *
 * <p>Not thread-safe: {@link Provisioning} owns it and calls it under its lock.
 */
final class ActivationCodes {
    private final Map<String, Issued> byHash = new HashMap<>();

    /** Records {@code code}; false when a code with the same digits is already recorded. */
    boolean add(ActivationCode code, String organizationId, Instant expiresAt) {
        return byHash.putIfAbsent(hash(code), new Issued(organizationId, expiresAt)) == null;
    }

    /** The record of {@code code}, or empty when it was never issued. */
    Optional<Issued> find(ActivationCode code) {
        return Optional.ofNullable(byHash.get(hash(code)));
    }

    private static String hash(ActivationCode code) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(code.digits().getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256 (MessageDigest's contract)", e);
        }
    }

    /** One issued code: whom it is for, until when, and how it was used. */
    static final class Issued {
        private final String organizationId;
        private final Instant expiresAt;
        private Optional<Redemption> redemption = Optional.empty();

        private Issued(String organizationId, Instant expiresAt) {
            this.organizationId = organizationId;
            this.expiresAt = expiresAt;
        }

        String organizationId() {
            return organizationId;
        }

        Instant expiresAt() {
            return expiresAt;
        }

        Optional<Redemption> redemption() {
            return redemption;
        }

        void redeem(Redemption used) {
            redemption = Optional.of(used);
        }
    }

    /**
     * How a code was used: with which key (the SHA-256 of its encoded SubjectPublicKeyInfo) and with
     * what answer, so that the same device retrying gets the same answer.
     */
    record Redemption(String keyFingerprint, Instant at, ActivationResponse response) {}
}
