package com.roomagent.agent.discovery;

import java.util.List;

/**
 * What the agent's network looks like, reduced to what matters for reaching media nodes: the
 * interfaces that are up with their addresses, and the default routes. Two fingerprints that differ
 * mean the paths to the nodes may differ, so the probe results may be wrong (R9).
 *
 * @param interfaces one entry per non-loopback interface that is up, such as {@code eth0
 *     192.168.1.20/24 fe80::1%eth0/64}, sorted
 * @param defaultRoutes one entry per default route, such as {@code default via 192.168.1.1 dev eth0
 *     metric 100}, sorted
 */
public record NetworkFingerprint(List<String> interfaces, List<String> defaultRoutes) {
    public NetworkFingerprint {
        interfaces = interfaces.stream().sorted().toList();
        defaultRoutes = defaultRoutes.stream().sorted().toList();
    }

    /** One line for logs. */
    public String summary() {
        return "interfaces=" + interfaces + " default_routes=" + defaultRoutes;
    }
}
