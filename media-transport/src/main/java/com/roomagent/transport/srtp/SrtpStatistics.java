package com.roomagent.transport.srtp;

import java.util.Map;

/**
 * What one {@link SrtpContext} did since it was created: packets it protected or unprotected, and
 * the packets it refused, by reason.
 *
 * @param rtpPackets RTP packets protected (sending context) or authenticated and decrypted
 *     (receiving context)
 * @param rtcpPackets the same for RTCP
 * @param refused refused packets by reason; every reason is present, most with 0
 */
public record SrtpStatistics(long rtpPackets, long rtcpPackets, Map<SrtpException.Reason, Long> refused) {
    public SrtpStatistics {
        refused = Map.copyOf(refused);
    }

    /** All refused packets, whatever the reason. */
    public long refusedPackets() {
        return refused.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Refused packets for {@code reason}. */
    public long refused(SrtpException.Reason reason) {
        return refused.getOrDefault(reason, 0L);
    }
}
