package com.roomagent.agent.proxy.pac;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * What a PAC script may learn about the world: name resolution, the device's own addresses and
 * the time. {@link SystemPacEnvironment} is the real one; tests give fixed answers.
 */
public interface PacEnvironment {
    /**
     * The addresses {@code host} resolves to, waiting at most {@code limit}; empty when it does not
     * resolve or the answer comes too late. Never throws.
     */
    List<InetAddress> resolve(String host, Duration limit);

    /** The device's own addresses, the one on the default route first; may be empty. */
    List<InetAddress> localAddresses();

    /** The clock for weekdayRange, dateRange and timeRange; its zone is the device's local time. */
    Clock clock();
}
