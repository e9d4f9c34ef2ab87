package com.roomagent.agent.firewall;

import com.roomagent.protocol.discovery.MediaTransport;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Every host and port the device needs (R3, for {@code room-agent urls}), from its URL categories,
 * its proxy and, when known, its media nodes. Pure: the command gathers the inputs.
 */
public final class FirewallRules {
    /** What stands for the media nodes' addresses before the device knows its node list. */
    public static final String NODES_UNKNOWN = "<ask the cloud: run after activation>";

    private FirewallRules() {}

    /** One media node's address as probed: {@code host:port} for one transport. */
    public record MediaTarget(String nodeId, MediaTransport transport, String host, int port) {}

    /**
     * @param signaling {@code cloud.signalingUrl}
     * @param content {@code cloud.contentUrl}
     * @param upgrade {@code cloud.upgradeUrl}
     * @param metrics {@code cloud.metricsUrl}
     * @param provisioned whether the device has an identity (else activation is still needed)
     * @param proxy the explicit HTTP proxy as host and port, if configured
     * @param mediaTargets the media nodes' addresses per transport, when known; empty for the
     *     generic rules
     */
    public static List<FirewallRule> of(
            URI signaling,
            URI content,
            URI upgrade,
            URI metrics,
            boolean provisioned,
            Optional<HostPort> proxy,
            List<MediaTarget> mediaTargets) {
        List<FirewallRule> rules = new ArrayList<>();
        String viaProxy = proxy.map(p -> "; tunnelled through the HTTP proxy with CONNECT (R4)")
                .orElse("");
        rules.add(https(
                "signaling",
                "HTTPS",
                signaling,
                "messaging and signaling, node list, discovery reports (R2)" + viaProxy));
        rules.add(https("signaling", "WSS", signaling, "signaling event channel, WebSocket over TLS (R2)" + viaProxy));
        rules.add(https(
                "activation",
                "HTTPS",
                signaling,
                (provisioned
                                ? "activation, done: needed again only after a factory reset"
                                : "activation of this device")
                        + viaProxy));
        rules.add(https("content", "HTTPS", content, "file and content storage (R3)" + viaProxy));
        rules.add(https("upgrade", "HTTPS", upgrade, "software upgrades, usually a CDN (R3, R19)" + viaProxy));
        rules.add(https("metrics", "HTTPS", metrics, "metrics and analytics (R3, R20)" + viaProxy));
        proxy.ifPresent(p -> rules.add(new FirewallRule(
                "proxy", "HTTP", p.host(), p.port(), "the explicit HTTP proxy; HTTPS only, never media (R4, R5)")));
        if (mediaTargets.isEmpty()) {
            for (MediaTransport transport : MediaTransport.values()) {
                rules.add(new FirewallRule(
                        "media", protocol(transport), NODES_UNKNOWN, transport.defaultPort(), mediaWhy(transport)));
            }
        } else {
            Set<MediaTarget> seen = new LinkedHashSet<>(mediaTargets);
            for (MediaTransport transport : MediaTransport.values()) {
                for (MediaTarget target : seen) {
                    if (target.transport() == transport) {
                        rules.add(new FirewallRule(
                                "media",
                                protocol(transport),
                                target.host(),
                                target.port(),
                                mediaWhy(transport) + ", node " + target.nodeId()));
                    }
                }
            }
        }
        return rules;
    }

    /** A host and port. */
    public record HostPort(String host, int port) {}

    private static FirewallRule https(String category, String protocol, URI url, String why) {
        return new FirewallRule(category, protocol, url.getHost(), url.getPort() < 0 ? 443 : url.getPort(), why);
    }

    private static String protocol(MediaTransport transport) {
        return switch (transport) {
            case UDP, UDP_LAST_RESORT -> "UDP";
            case TCP -> "TCP";
            case TLS -> "TLS";
        };
    }

    private static String mediaWhy(MediaTransport transport) {
        String why = switch (transport) {
            case UDP -> "media, preferred path (R11)";
            case TCP -> "media, first fallback (R12)";
            case TLS -> "media, second fallback (R12)";
            case UDP_LAST_RESORT -> "media, last resort, often rate-limited (R12)";
        };
        return why + "; STUN first on the same ports (R7, R15); never through the proxy (R5)";
    }
}
