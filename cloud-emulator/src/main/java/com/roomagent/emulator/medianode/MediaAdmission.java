package com.roomagent.emulator.medianode;

import com.roomagent.transport.MediaCandidate;
import com.roomagent.transport.stun.ShortTermCredentials;
import java.util.List;
import java.util.Objects;

/**
 * What signaling must send a device admitted to a meeting on a media node (issue 5): where to
 * connect, how to authenticate its STUN checks, and which DTLS certificate to expect.
 *
 * @param nodeId the media node
 * @param meetingId the meeting whose participants the node relays between
 * @param participantId the admitted participant, unique within the meeting
 * @param credentials the STUN short-term credentials (RFC 5389 section 10.1) the device's checks
 *     must carry; never logged (its toString hides the password)
 * @param fingerprint the node's DTLS certificate fingerprint in RFC 8122 form, {@code "sha-256
 *     AB:CD:..."}, which the device pins
 * @param candidates one candidate per transport the node serves, with the port actually bound
 */
public record MediaAdmission(
        String nodeId,
        String meetingId,
        String participantId,
        ShortTermCredentials credentials,
        String fingerprint,
        List<MediaCandidate> candidates) {
    public MediaAdmission {
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(meetingId, "meetingId");
        Objects.requireNonNull(participantId, "participantId");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(fingerprint, "fingerprint");
        candidates = List.copyOf(candidates);
    }
}
