package com.roomagent.protocol.discovery;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Where a media node runs (R6, R17): in the cloud, or as the organization's own Video Mesh node. */
public enum NodeKind {
    CLOUD("cloud"),
    VIDEO_MESH("video-mesh");

    private final String id;

    NodeKind(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    /**
     * Returns the kind named {@code id}.
     *
     * @throws IllegalArgumentException when {@code id} is neither {@code cloud} nor {@code video-mesh}
     */
    @JsonCreator
    public static NodeKind fromId(String id) {
        for (NodeKind kind : values()) {
            if (kind.id.equals(id)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown node kind '" + id + "'; expected cloud or video-mesh");
    }
}
