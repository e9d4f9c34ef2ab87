package com.roomagent.agent.diagnosis;

import java.util.Objects;

/**
 * One change the administrator can make, most useful first.
 *
 * @param code stable identifier for scripts: {@code open-udp-5004-any}, {@code stun-inspection},
 *     {@code whitelist-media-ranges}, {@code video-mesh}, {@code video-mesh-or-open-firewall},
 *     {@code exempt-from-tls-inspection}, {@code avoid-last-resort-port}
 * @param text the change in plain words
 */
public record Recommendation(String code, String text) {
    public Recommendation {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(text, "text");
    }
}
