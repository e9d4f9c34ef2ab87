package com.roomagent.emulator.meeting;

import com.roomagent.protocol.discovery.MediaTransport;
import java.util.Objects;

/**
 * One way to reach the assigned node, as the device measured it (R10, R12).
 *
 * @param transport the transport
 * @param address the node's address as the node list names it (IP literal or DNS name)
 * @param port the node's port for this transport
 * @param medianRttMillis the device's median round-trip time over this transport, in milliseconds
 */
public record Candidate(MediaTransport transport, String address, int port, double medianRttMillis) {
    public Candidate {
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(address, "address");
    }
}
