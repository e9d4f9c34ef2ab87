package com.roomagent.emulator.medianode;

import com.roomagent.protocol.discovery.MediaTransport;
import com.roomagent.transport.stun.ShortTermCredentials;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The meeting side of the emulator's media nodes, for signaling (and tests) to call: admit a
 * participant to a meeting on a node and learn what to tell the device; cut a transport of a node
 * mid-meeting. Thread-safe.
 */
public final class MediaNodes {
    private final Map<String, MediaNodeServer> byId = new LinkedHashMap<>();

    public MediaNodes(List<MediaNodeServer> nodes) {
        nodes.forEach(node -> byId.put(node.advertised().id(), node));
    }

    /**
     * Admits {@code participantId} to {@code meetingId} on node {@code nodeId}, with the STUN
     * short-term credentials its checks will carry (signaling chooses them per participant).
     *
     * @return what signaling sends the device: the node's DTLS fingerprint (RFC 8122), the
     *     credentials, and one candidate per transport the node serves
     * @throws IllegalArgumentException if no node has that id
     */
    public MediaAdmission admit(
            String nodeId, String meetingId, String participantId, ShortTermCredentials credentials) {
        return node(nodeId).admit(meetingId, participantId, credentials);
    }

    /**
     * Ends {@code participantId}'s part in {@code meetingId} on node {@code nodeId}: its STUN
     * credentials stop answering, the relay forgets its keys and its flow closes. Idempotent.
     *
     * @throws IllegalArgumentException if no node has that id
     */
    public void dismiss(String nodeId, String meetingId, String participantId) {
        node(nodeId).dismiss(meetingId, participantId);
    }

    /**
     * Test hook: while {@code on}, node {@code nodeId} drops everything arriving on {@code transport}
     * and sends nothing on it (a flow cut mid-meeting, for failover tests).
     */
    public void cut(String nodeId, MediaTransport transport, boolean on) {
        node(nodeId).cut(transport, on);
    }

    private MediaNodeServer node(String nodeId) {
        MediaNodeServer node = byId.get(nodeId);
        if (node == null) {
            throw new IllegalArgumentException(
                    "no media node '" + nodeId + "' in this emulator; configured nodes: " + byId.keySet());
        }
        return node;
    }
}
