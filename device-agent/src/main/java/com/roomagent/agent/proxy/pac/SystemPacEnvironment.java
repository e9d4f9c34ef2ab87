package com.roomagent.agent.proxy.pac;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The real {@link PacEnvironment}: the system resolver, bounded in time by running each lookup on
 * this object's own daemon thread ({@code pac-dns-N}) and waiting at most the limit; the
 * interfaces' addresses; the system clock in the device's time zone. Owns its threads: {@link
 * #close()} stops them. Thread-safe.
 */
public final class SystemPacEnvironment implements PacEnvironment, AutoCloseable {
    /** A documentation address (RFC 5737): connecting a UDP socket to it only picks a route. */
    private static final InetSocketAddress ROUTE_PROBE = new InetSocketAddress("192.0.2.1", 9);

    private final ExecutorService lookups;
    private final Clock clock;

    public SystemPacEnvironment(Clock clock) {
        this.clock = clock;
        int[] count = {0};
        this.lookups = Executors.newCachedThreadPool(task -> {
            Thread thread;
            synchronized (count) {
                thread = new Thread(task, "pac-dns-" + ++count[0]);
            }
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public List<InetAddress> resolve(String host, Duration limit) {
        Future<List<InetAddress>> lookup = lookups.submit(() -> {
            try {
                return List.of(InetAddress.getAllByName(host));
            } catch (UnknownHostException e) {
                return List.of();
            }
        });
        try {
            return lookup.get(Math.max(1, limit.toMillis()), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            lookup.cancel(true);
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            lookup.cancel(true);
            return List.of();
        }
    }

    @Override
    public List<InetAddress> localAddresses() {
        List<InetAddress> addresses = new ArrayList<>();
        // The address of the default route, as browsers do: a connected UDP socket sends nothing.
        try (DatagramSocket probe = new DatagramSocket()) {
            probe.connect(ROUTE_PROBE);
            InetAddress routed = probe.getLocalAddress();
            if (routed != null && !routed.isAnyLocalAddress()) {
                addresses.add(routed);
            }
        } catch (SocketException | UncheckedIOException e) {
            // No IPv4 route: fall back to the interfaces' addresses.
        }
        try {
            for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!network.isUp() || network.isLoopback()) {
                    continue;
                }
                for (InetAddress address : Collections.list(network.getInetAddresses())) {
                    if (!address.isLinkLocalAddress() && !addresses.contains(address)) {
                        addresses.add(address);
                    }
                }
            }
        } catch (IOException e) {
            // The interface list is unreadable: what we have is all we know.
        }
        addresses.sort((a, b) -> Boolean.compare(b instanceof Inet4Address, a instanceof Inet4Address));
        return List.copyOf(addresses);
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public void close() {
        lookups.shutdownNow();
    }
}
