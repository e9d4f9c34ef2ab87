package com.roomagent.av.bitrate;

/**
 * The transport that carries the media flow (ARCHITECTURE.md, "one media channel abstraction,
 * three transports"). The media path tells the session which one won the race, and again after a
 * fail-over; the session only needs to know whether packets can be lost on the way.
 */
public enum TransportKind {
    /** UDP to port 5004, or to 33434 as a last resort: losses show up in receiver reports. */
    UDP,
    /** TCP to port 5004, RFC 4571 framing: no loss, congestion shows up as delay. */
    TCP,
    /** TLS to port 443, RFC 4571 framing inside: like TCP, plus TLS overhead. */
    TLS;

    /** True for TCP and TLS, which retransmit, so congestion delays packets instead of dropping them. */
    public boolean isReliable() {
        return this != UDP;
    }
}
