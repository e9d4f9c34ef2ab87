package com.roomagent.emulator.provisioning;

import com.roomagent.protocol.activation.ActivationResponse;
import com.roomagent.protocol.activation.PairingSession;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The pairing sessions devices opened: pending until an administrator approves them or they
 * expire. Sessions are forgotten {@link #RETAINED} after they expire, so a device polling late
 * still hears "expired" (or its certificate) rather than "unknown".
 *
 * <p>Not thread-safe: {@link Provisioning} owns it and calls it under its lock.
 */
final class Pairings {
    static final Duration RETAINED = Duration.ofHours(1);

    private final Map<String, Session> byId = new LinkedHashMap<>();
    private final Map<String, Session> byShortCode = new HashMap<>();

    /** Whether a retained session already uses {@code shortCode}. */
    boolean shortCodeTaken(String shortCode) {
        return byShortCode.containsKey(shortCode);
    }

    void add(Session session) {
        byId.put(session.offer().pairingId(), session);
        byShortCode.put(session.offer().shortCode(), session);
    }

    Optional<Session> byId(String pairingId) {
        return Optional.ofNullable(byId.get(pairingId));
    }

    Optional<Session> byShortCode(String shortCode) {
        return Optional.ofNullable(byShortCode.get(shortCode));
    }

    /** Sessions neither approved nor expired at {@code now}, oldest first. */
    List<PairingSession> pending(Instant now) {
        List<PairingSession> pending = new ArrayList<>();
        for (Session session : byId.values()) {
            if (session.isPending(now)) {
                pending.add(session.offer());
            }
        }
        return pending;
    }

    /** Forgets sessions that expired more than {@link #RETAINED} before {@code now}. */
    void prune(Instant now) {
        Instant cutoff = now.minus(RETAINED);
        byId.values().removeIf(session -> session.offer().expiresAt().isBefore(cutoff));
        byShortCode.values().removeIf(session -> session.offer().expiresAt().isBefore(cutoff));
    }

    /** One device waiting to be approved: what it was told, and what it asked to be certified. */
    static final class Session {
        private final PairingSession offer;
        private final DeviceRequest request;
        private Optional<ActivationResponse> approved = Optional.empty();

        Session(PairingSession offer, DeviceRequest request) {
            this.offer = offer;
            this.request = request;
        }

        PairingSession offer() {
            return offer;
        }

        DeviceRequest request() {
            return request;
        }

        Optional<ActivationResponse> approved() {
            return approved;
        }

        void approve(ActivationResponse response) {
            approved = Optional.of(response);
        }

        boolean isExpired(Instant now) {
            return !now.isBefore(offer.expiresAt());
        }

        boolean isPending(Instant now) {
            return approved.isEmpty() && !isExpired(now);
        }
    }
}
