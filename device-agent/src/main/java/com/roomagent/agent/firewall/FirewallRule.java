package com.roomagent.agent.firewall;

import java.util.Objects;

/**
 * One outbound flow the device needs the firewall to allow (R1: the device initiates every
 * connection; nothing is inbound).
 *
 * @param category {@code signaling}, {@code activation}, {@code content}, {@code upgrade}, {@code
 *     metrics}, {@code media} or {@code proxy}
 * @param protocol {@code HTTPS}, {@code WSS}, {@code UDP}, {@code TCP}, {@code TLS} or {@code HTTP}
 * @param host the destination host, or a sentence in angle brackets when the device cannot know
 *     it yet
 * @param port the destination port
 * @param why for the firewall administrator: what the flow carries, and its requirement
 */
public record FirewallRule(String category, String protocol, String host, int port, String why) {
    public FirewallRule {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(why, "why");
    }
}
