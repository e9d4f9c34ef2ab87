package com.roomagent.transport.channel;

import java.time.Duration;
import java.util.Objects;

/**
 * How channels are opened and what they accept.
 *
 * @param connectTimeout the longest a TCP or TLS connect may take
 * @param tlsHandshakeTimeout the longest the TLS handshake may take, after the connect
 * @param maxPacketBytes the largest packet a channel sends or accepts, in bytes; a larger received
 *     frame on TCP/TLS closes the channel (its framing can no longer be trusted), a larger
 *     received datagram is dropped, a larger packet to send is refused. At most 65535, the most an
 *     RFC 4571 length prefix can announce.
 */
public record ChannelSettings(Duration connectTimeout, Duration tlsHandshakeTimeout, int maxPacketBytes) {

    /**
     * Connect 3 s and handshake 3 s: a media node answers in one RTT (tens of ms); anything near
     * a second means the race has already chosen another candidate. 8192-byte packets: SRTP video
     * packets stay under the path MTU (about 1200 bytes), DTLS flights with a certificate chain are
     * fragmented into records well under this.
     */
    public static ChannelSettings defaults() {
        return new ChannelSettings(Duration.ofSeconds(3), Duration.ofSeconds(3), 8192);
    }

    public ChannelSettings {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(tlsHandshakeTimeout, "tlsHandshakeTimeout");
        if (connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("connectTimeout must be positive, got " + connectTimeout);
        }
        if (tlsHandshakeTimeout.isNegative() || tlsHandshakeTimeout.isZero()) {
            throw new IllegalArgumentException("tlsHandshakeTimeout must be positive, got " + tlsHandshakeTimeout);
        }
        if (maxPacketBytes < 64 || maxPacketBytes > 0xFFFF) {
            throw new IllegalArgumentException("maxPacketBytes must be 64-65535, got " + maxPacketBytes);
        }
    }
}
