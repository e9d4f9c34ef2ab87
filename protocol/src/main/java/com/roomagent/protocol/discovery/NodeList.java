package com.roomagent.protocol.discovery;

import java.util.List;

/**
 * The body of {@code GET /v1/media-nodes}: every media node the device should probe (R6).
 *
 * @param nodes cloud nodes and Video Mesh nodes, in no particular order
 */
public record NodeList(List<MediaNode> nodes) {
    public NodeList {
        nodes = List.copyOf(nodes);
    }
}
