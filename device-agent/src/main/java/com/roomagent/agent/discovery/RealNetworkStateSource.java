package com.roomagent.agent.discovery;

import com.roomagent.agent.discovery.internal.DefaultRoutes;
import java.io.IOException;
import java.net.InterfaceAddress;
import java.net.NetworkInterface;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * The system's network state: interfaces from {@link NetworkInterface}, default routes from the
 * Linux kernel's {@code /proc/net/route} and {@code /proc/net/ipv6_route}. Java cannot listen to
 * netlink, so the agent polls this (see {@link NetworkChangeMonitor}). A missing routing table
 * (IPv6 disabled, or not Linux) counts as no default route of that family.
 */
public final class RealNetworkStateSource implements NetworkStateSource {
    private final Path procNet;

    /** Reads {@code /proc/net}. */
    public RealNetworkStateSource() {
        this(Path.of("/proc/net"));
    }

    /** Reads the routing tables under {@code procNet} instead of {@code /proc/net}. */
    public RealNetworkStateSource(Path procNet) {
        this.procNet = Objects.requireNonNull(procNet, "procNet");
    }

    @Override
    public NetworkFingerprint read() throws IOException {
        List<String> routes = new ArrayList<>(DefaultRoutes.parseIpv4(readIfPresent("route")));
        routes.addAll(DefaultRoutes.parseIpv6(readIfPresent("ipv6_route")));
        return new NetworkFingerprint(interfaces(), routes);
    }

    private static List<String> interfaces() throws IOException {
        List<String> result = new ArrayList<>();
        Iterator<NetworkInterface> all = NetworkInterface.networkInterfaces().iterator();
        while (all.hasNext()) {
            NetworkInterface network = all.next();
            if (network.isLoopback() || !network.isUp()) {
                continue;
            }
            List<String> addresses = new ArrayList<>();
            for (InterfaceAddress address : network.getInterfaceAddresses()) {
                addresses.add(address.getAddress().getHostAddress() + "/" + address.getNetworkPrefixLength());
            }
            addresses.sort(null);
            result.add(network.getName() + (addresses.isEmpty() ? "" : " " + String.join(" ", addresses)));
        }
        return result;
    }

    private String readIfPresent(String name) throws IOException {
        try {
            return Files.readString(procNet.resolve(name), StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            return "";
        }
    }
}
