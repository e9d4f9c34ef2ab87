package com.roomagent.agent.media;

import com.roomagent.av.media.SsrcPlan;
import com.roomagent.transport.MediaCandidate;
import com.roomagent.transport.stun.ShortTermCredentials;
import java.util.List;
import java.util.Objects;

/**
 * What a meeting join hands the media path: the same content as the cloud's media admission, plus
 * the SSRCs signaling fixed for the call.
 *
 * @param meetingId the meeting
 * @param nodeId the media node the device was admitted on
 * @param fingerprint the node's DTLS certificate fingerprint in RFC 8122 form ({@code "sha-256
 *     AB:CD:..."}); the handshake pins it
 * @param credentials the STUN short-term credentials every check carries (RFC 5389 section 10.1);
 *     its toString hides the password
 * @param candidates the node's candidates, most preferred first (R12 order: UDP, TCP, TLS,
 *     last-resort UDP)
 * @param ssrcs our and the far end's SSRCs
 */
public record MediaAssignment(
        String meetingId,
        String nodeId,
        String fingerprint,
        ShortTermCredentials credentials,
        List<MediaCandidate> candidates,
        SsrcPlan ssrcs) {

    public MediaAssignment {
        Objects.requireNonNull(meetingId, "meetingId");
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(ssrcs, "ssrcs");
        candidates = List.copyOf(candidates);
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("the media assignment for meeting " + meetingId + " on node " + nodeId
                    + " has no candidate: the node serves no transport");
        }
    }
}
