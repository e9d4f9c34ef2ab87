package com.roomagent.emulator.config;

import com.roomagent.protocol.discovery.MediaTransport;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a configuration before anything is bound, so that every mistake is reported at once with
 * its node and field, instead of surfacing as a bind error half-way through start.
 */
public final class ConfigValidator {
    private static final int MAX_PORT = 65_535;
    private static final int MAX_BURST = 1_000_000;
    private static final Duration MAX_REFILL = Duration.ofDays(1);
    /** Organization ids: what {@code POST /v1/admin/activation-codes} accepts too. */
    public static final Pattern ORGANIZATION_ID = Pattern.compile("[A-Za-z0-9._~-]{1,64}");

    private ConfigValidator() {}

    /**
     * Returns {@code config} when it is usable.
     *
     * @throws InvalidConfigException listing every problem: a port out of range, a host that is not a
     *     specific IP literal, a duplicate node id, two listeners on the same address and port, a
     *     negative delay, a mode for a transport the node does not offer, bad-certificate on a
     *     transport other than TLS, a rate limit out of bounds, an invalid organization id or URL
     */
    public static EmulatorConfig validate(EmulatorConfig config) throws InvalidConfigException {
        List<String> problems = problems(config);
        if (!problems.isEmpty()) {
            throw new InvalidConfigException(config.source(), problems);
        }
        return config;
    }

    /** Every problem of {@code config}, each naming its node and field; empty when it is usable. */
    static List<String> problems(EmulatorConfig config) {
        List<String> problems = new ArrayList<>();
        Map<String, String> boundBy = new HashMap<>();
        SignalingConfig signaling = config.signaling();
        checkHost("signaling.host", signaling.host(), problems);
        checkPort("signaling.port", signaling.port(), problems);
        if (signaling.reportHistoryPerDevice() < 1) {
            problems.add("signaling.reportHistoryPerDevice is " + signaling.reportHistoryPerDevice()
                    + "; keep at least 1 report per device");
        }
        claim(boundBy, "tcp", signaling.host(), signaling.port(), "signaling", problems);
        checkHost("signaling.eventChannelHost", signaling.eventChannelHost(), problems);
        checkPort("signaling.eventChannelPort", signaling.eventChannelPort(), problems);
        claim(
                boundBy,
                "tcp",
                signaling.eventChannelHost(),
                signaling.eventChannelPort(),
                "the signaling event channel",
                problems);
        checkRateLimit(signaling.activationRateLimit(), problems);
        checkOrganization(config.organization(), problems);
        if (config.nodes().isEmpty()) {
            problems.add("nodes is missing or empty; describe at least one media node");
        }
        Set<String> ids = new HashSet<>();
        for (int index = 0; index < config.nodes().size(); index++) {
            NodeConfig node = config.nodes().get(index);
            String where = "node '" + node.id() + "' (nodes[" + index + "])";
            if (node.id().isBlank()) {
                problems.add("nodes[" + index + "].id is empty; give every node a unique id");
            } else if (!ids.add(node.id())) {
                problems.add(where + ": duplicate node id; give every node a unique id");
            }
            checkNode(where, node, boundBy, problems);
        }
        return problems;
    }

    private static void checkNode(String where, NodeConfig node, Map<String, String> boundBy, List<String> problems) {
        checkHost(where + " host", node.host(), problems);
        if (node.delay().isNegative()) {
            problems.add(where + ": delayMillis is " + node.delay().toMillis() + "; use 0 or more milliseconds");
        }
        if (node.ports().isEmpty()) {
            problems.add(where + ": ports is empty; offer at least one of udp, tcp, tls, udp-last-resort");
        }
        for (Map.Entry<MediaTransport, Integer> port : node.ports().entrySet()) {
            MediaTransport transport = port.getKey();
            String field = where + " ports." + transport.id();
            checkPort(field, port.getValue(), problems);
            String space = transport.protocol() == MediaTransport.Protocol.UDP ? "udp" : "tcp";
            claim(boundBy, space, node.host(), port.getValue(), field, problems);
        }
        for (Map.Entry<MediaTransport, TransportMode> mode : node.modes().entrySet()) {
            MediaTransport transport = mode.getKey();
            if (!node.ports().containsKey(transport)) {
                problems.add(where + ": transports." + transport.id() + " is set but ports." + transport.id()
                        + " is not; add the port or remove the mode");
            }
            if (mode.getValue() == TransportMode.BAD_CERTIFICATE && transport != MediaTransport.TLS) {
                problems.add(where + ": transports." + transport.id()
                        + " is bad-certificate, which only applies to tls; use serve, drop or closed");
            }
        }
    }

    private static void checkRateLimit(RateLimitConfig limit, List<String> problems) {
        if (limit.burst() < 1 || limit.burst() > MAX_BURST) {
            problems.add("signaling.activationRateLimit.burst is " + limit.burst() + "; use 1 to " + MAX_BURST
                    + " attempts");
        }
        Duration refill = limit.refillInterval();
        if (refill.compareTo(Duration.ofSeconds(1)) < 0 || refill.compareTo(MAX_REFILL) > 0) {
            problems.add("signaling.activationRateLimit.refillSeconds is " + refill.toSeconds() + "; use 1 to "
                    + MAX_REFILL.toSeconds() + " seconds");
        }
    }

    private static void checkOrganization(OrganizationConfig organization, List<String> problems) {
        if (!ORGANIZATION_ID.matcher(organization.id()).matches()) {
            problems.add("organization.id is '" + organization.id()
                    + "'; use 1 to 64 letters, digits or ._~- (it becomes the O of device certificates)");
        }
        checkUrl("organization.contentUrl", organization.contentUrl(), problems);
        checkUrl("organization.upgradeUrl", organization.upgradeUrl(), problems);
        checkUrl("organization.metricsUrl", organization.metricsUrl(), problems);
    }

    private static void checkUrl(String field, Optional<URI> url, List<String> problems) {
        url.ifPresent(uri -> {
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
                problems.add(field + " is '" + uri + "'; use an absolute https URL with a host, such as"
                        + " https://content.example.com/");
            }
        });
    }

    private static void checkHost(String field, String host, List<String> problems) {
        Optional<InetAddress> address = IpLiteral.parse(host);
        if (address.isEmpty()) {
            problems.add(field + " is '" + host + "'; use an IP literal such as 127.0.1.1 (names are not resolved)");
        } else if (address.get().isAnyLocalAddress() || address.get().isMulticastAddress()) {
            problems.add(field + " is '" + host
                    + "'; use a specific unicast address, since it is advertised to devices and named in"
                    + " certificates");
        }
    }

    private static void checkPort(String field, int port, List<String> problems) {
        if (port < 0 || port > MAX_PORT) {
            problems.add(field + " is " + port + "; use 1 to " + MAX_PORT + ", or 0 for an ephemeral port");
        }
    }

    /** Records that {@code owner} binds host:port, reporting a clash; ephemeral ports never clash. */
    private static void claim(
            Map<String, String> boundBy, String space, String host, int port, String owner, List<String> problems) {
        if (port == 0) {
            return;
        }
        String key = space + " "
                + IpLiteral.parse(host).map(InetAddress::getHostAddress).orElse(host) + ":" + port;
        String previous = boundBy.putIfAbsent(key, owner);
        if (previous != null) {
            problems.add(owner + " uses " + key + ", already used by " + previous
                    + "; give one of them another port or host");
        }
    }
}
