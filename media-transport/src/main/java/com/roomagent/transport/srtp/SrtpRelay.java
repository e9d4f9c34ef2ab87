package com.roomagent.transport.srtp;

import com.roomagent.transport.srtp.SrtpException.Reason;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The SRTP core of a media node's relay: each participant is keyed separately (its own DTLS
 * handshake with the node); a packet from one participant is unprotected once under that
 * participant's key and protected again, under each other participant's key, for each of them.
 * Pure: bytes in, bytes out; the caller sends the results on each participant's channel.
 *
 * <p>Contexts: per participant, one receiving {@link SrtpContext} per SSRC it sends and one
 * sending context per SSRC forwarded to it, created on the first packet of that SSRC. A receiving
 * context is kept only once a packet authenticated under it, so forged packets with random SSRCs
 * cannot make the node allocate; a participant may send at most {@value #MAX_SSRCS_PER_PARTICIPANT}
 * SSRCs. An SSRC belongs to the first participant that sent it authentically; the same SSRC from
 * another participant is refused ({@link Reason#WRONG_SSRC}), since the receivers' contexts could
 * not tell the two streams apart.
 *
 * <p>Threads: thread-safe by one lock, so each context is used by one thread at a time, whichever
 * participant's channel thread called. A node relaying many meetings uses one relay per meeting.
 */
public final class SrtpRelay {
    /** How many SSRCs one participant may send: audio, video, their retransmissions, and spare. */
    public static final int MAX_SSRCS_PER_PARTICIPANT = 8;

    /** A packet to send to one participant. */
    public record Forward(String participantId, byte[] packet) {
        public Forward {
            Objects.requireNonNull(participantId, "participantId");
            Objects.requireNonNull(packet, "packet");
        }
    }

    private static final class Participant {
        final SrtpMasterKey fromParticipant;
        final SrtpMasterKey toParticipant;
        final Map<Long, SrtpContext> receiving = new HashMap<>();
        final Map<Long, SrtpContext> sending = new HashMap<>();

        Participant(SrtpMasterKey fromParticipant, SrtpMasterKey toParticipant) {
            this.fromParticipant = fromParticipant;
            this.toParticipant = toParticipant;
        }
    }

    private final Object lock = new Object();
    private final Map<String, Participant> participants = new LinkedHashMap<>(); // guarded by lock
    private final Map<Long, String> ssrcOwners = new HashMap<>(); // guarded by lock
    private final Map<Reason, Long> refused = new EnumMap<>(Reason.class); // guarded by lock

    /**
     * Adds a participant, or replaces its keys (a re-key: its contexts start afresh).
     *
     * @param fromParticipant the key the participant protects its packets with (its DTLS client
     *     write key and salt)
     * @param toParticipant the key the node protects packets to it with (the server write key and salt)
     */
    public void join(String participantId, SrtpMasterKey fromParticipant, SrtpMasterKey toParticipant) {
        Objects.requireNonNull(participantId, "participantId");
        Objects.requireNonNull(fromParticipant, "fromParticipant");
        Objects.requireNonNull(toParticipant, "toParticipant");
        synchronized (lock) {
            // On a re-key only its own contexts start afresh; what is forwarded to the others keeps
            // theirs, since their keys did not change.
            participants.put(participantId, new Participant(fromParticipant, toParticipant));
        }
    }

    /** Removes a participant: its SSRCs are free again and nothing more is forwarded to it. */
    public void leave(String participantId) {
        synchronized (lock) {
            if (participants.remove(participantId) == null) {
                return;
            }
            List<Long> released = new ArrayList<>();
            ssrcOwners.forEach((ssrc, owner) -> {
                if (owner.equals(participantId)) {
                    released.add(ssrc);
                }
            });
            for (Long ssrc : released) {
                ssrcOwners.remove(ssrc);
                for (Participant other : participants.values()) {
                    other.sending.remove(ssrc);
                }
            }
        }
    }

    /**
     * Unprotects an SRTP packet from {@code participantId} and protects it for every other
     * participant.
     *
     * @return one packet per other participant, in the order they joined; empty if it is alone
     * @throws SrtpException if the packet is refused (not authentic, replayed, malformed, an SSRC
     *     of another participant, or one SSRC too many): nothing is forwarded
     * @throws IllegalArgumentException if {@code participantId} has not joined
     */
    public List<Forward> relayRtp(String participantId, byte[] srtp) throws SrtpException {
        synchronized (lock) {
            byte[] rtp;
            SrtpContext from;
            try {
                from = receivingContext(participantId, srtp, 8, srtp.length >= 12);
                try {
                    rtp = from.unprotectRtp(srtp);
                } finally {
                    keepIfAuthentic(participantId, from);
                }
            } catch (SrtpException e) {
                refused.merge(e.reason(), 1L, Long::sum);
                throw e;
            }
            List<Forward> out = new ArrayList<>(participants.size());
            for (Map.Entry<String, Participant> entry : participants.entrySet()) {
                if (!entry.getKey().equals(participantId)) {
                    out.add(new Forward(
                            entry.getKey(),
                            sendingContext(entry.getValue(), from.ssrc()).protectRtp(rtp)));
                }
            }
            return out;
        }
    }

    /**
     * The same for an SRTCP packet: unprotected under the sender's key, protected per receiver.
     * RTCP is relayed whole (no translation of report blocks, RFC 3550 section 7.2).
     */
    public List<Forward> relayRtcp(String participantId, byte[] srtcp) throws SrtpException {
        synchronized (lock) {
            byte[] rtcp;
            SrtpContext from;
            try {
                from = receivingContext(participantId, srtcp, 4, srtcp.length >= 8);
                try {
                    rtcp = from.unprotectRtcp(srtcp);
                } finally {
                    keepIfAuthentic(participantId, from);
                }
            } catch (SrtpException e) {
                refused.merge(e.reason(), 1L, Long::sum);
                throw e;
            }
            List<Forward> out = new ArrayList<>(participants.size());
            for (Map.Entry<String, Participant> entry : participants.entrySet()) {
                if (!entry.getKey().equals(participantId)) {
                    out.add(new Forward(
                            entry.getKey(),
                            sendingContext(entry.getValue(), from.ssrc()).protectRtcp(rtcp)));
                }
            }
            return out;
        }
    }

    /** Packets refused so far, whatever the participant, by reason. */
    public Map<Reason, Long> refused() {
        synchronized (lock) {
            return Map.copyOf(refused);
        }
    }

    /** The statistics of the context that receives {@code ssrc} from {@code participantId}, if any. */
    public Optional<SrtpStatistics> receivingStatistics(String participantId, long ssrc) {
        synchronized (lock) {
            Participant participant = participants.get(participantId);
            SrtpContext context = participant == null ? null : participant.receiving.get(ssrc);
            return Optional.ofNullable(context).map(SrtpContext::statistics);
        }
    }

    private SrtpContext receivingContext(String participantId, byte[] packet, int ssrcAt, boolean longEnough)
            throws SrtpException {
        Participant participant = participants.get(participantId);
        if (participant == null) {
            throw new IllegalArgumentException("participant " + participantId + " has not joined this relay");
        }
        if (!longEnough) {
            throw new SrtpException(Reason.TOO_SHORT, packet.length + " bytes from " + participantId);
        }
        long ssrc = ((long) (packet[ssrcAt] & 0xFF) << 24)
                | ((packet[ssrcAt + 1] & 0xFF) << 16)
                | ((packet[ssrcAt + 2] & 0xFF) << 8)
                | (packet[ssrcAt + 3] & 0xFF);
        String owner = ssrcOwners.get(ssrc);
        if (owner != null && !owner.equals(participantId)) {
            throw new SrtpException(
                    Reason.WRONG_SSRC, "SSRC " + ssrc + " from " + participantId + " already belongs to " + owner);
        }
        SrtpContext context = participant.receiving.get(ssrc);
        if (context != null) {
            return context;
        }
        if (participant.receiving.size() >= MAX_SSRCS_PER_PARTICIPANT) {
            throw new SrtpException(
                    Reason.WRONG_SSRC,
                    "participant " + participantId + " already sends " + MAX_SSRCS_PER_PARTICIPANT + " SSRCs; SSRC "
                            + ssrc + " refused");
        }
        return SrtpContext.receiving(participant.fromParticipant, ssrc);
    }

    /** Keeps a new receiving context, and claims its SSRC, only once a packet authenticated under it. */
    private void keepIfAuthentic(String participantId, SrtpContext context) {
        SrtpStatistics statistics = context.statistics();
        if (statistics.rtpPackets() + statistics.rtcpPackets() > 0) {
            participants.get(participantId).receiving.putIfAbsent(context.ssrc(), context);
            ssrcOwners.putIfAbsent(context.ssrc(), participantId);
        }
    }

    private static SrtpContext sendingContext(Participant to, long ssrc) {
        return to.sending.computeIfAbsent(ssrc, s -> SrtpContext.sending(to.toParticipant, s));
    }
}
