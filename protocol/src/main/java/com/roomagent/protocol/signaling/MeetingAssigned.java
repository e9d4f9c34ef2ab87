package com.roomagent.protocol.signaling;

import com.roomagent.protocol.discovery.MediaTransport;
import java.util.List;
import java.util.Objects;

/**
 * The body of the {@code meeting.assigned} event (R10): the media node the cloud chose for the
 * device's meeting and everything the device needs to reach it. Defined here so both sides share the
 * wire format; the cloud does not send it yet (docs/cloud-emulator.md, "Choosing the node for a
 * participant").
 *
 * @param meetingId the meeting joined
 * @param nodeId the node the device was admitted on
 * @param fingerprint the node's DTLS certificate fingerprint, RFC 8122 form ({@code "sha-256
 *     AB:CD:..."}); the device's handshake pins it
 * @param username the STUN short-term username every check carries (RFC 5389 section 10.1)
 * @param password the STUN short-term password; hidden by {@link #toString()}
 * @param candidates how to reach the node, most preferred first (R12 order)
 * @param ssrcs the SSRCs the device sends with and those it receives
 */
public record MeetingAssigned(
        String meetingId,
        String nodeId,
        String fingerprint,
        String username,
        String password,
        List<Candidate> candidates,
        Ssrcs ssrcs) {

    /** The {@code event} name of a {@link SignalingMessage.Event} carrying this body. */
    public static final String EVENT = "meeting.assigned";

    public MeetingAssigned {
        Objects.requireNonNull(meetingId, "meetingId");
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(ssrcs, "ssrcs");
        candidates = List.copyOf(candidates);
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException(
                    "meeting.assigned for meeting " + meetingId + " on node " + nodeId + " has no candidate");
        }
    }

    @Override
    public String toString() {
        return "MeetingAssigned[meetingId=" + meetingId + ", nodeId=" + nodeId + ", fingerprint=" + fingerprint
                + ", username=" + username + ", password=(hidden), candidates=" + candidates + ", ssrcs=" + ssrcs
                + "]";
    }

    /**
     * One way to reach the node.
     *
     * @param transport the transport
     * @param address the node's address: an IP literal or a DNS name
     * @param port the node's port for this transport
     */
    public record Candidate(MediaTransport transport, String address, int port) {
        public Candidate {
            Objects.requireNonNull(transport, "transport");
            Objects.requireNonNull(address, "address");
            if (port < 1 || port > 65_535) {
                throw new IllegalArgumentException("candidate port " + port + " is outside 1..65535");
            }
        }
    }

    /**
     * The SSRCs of a two-party call (RFC 3550 section 8), as the device sees them.
     *
     * @param localVideo the SSRC the device's video is sent with
     * @param localAudio the SSRC the device's audio is sent with
     * @param remoteVideo the SSRC of the other participant's video
     * @param remoteAudio the SSRC of the other participant's audio
     */
    public record Ssrcs(long localVideo, long localAudio, long remoteVideo, long remoteAudio) {}
}
