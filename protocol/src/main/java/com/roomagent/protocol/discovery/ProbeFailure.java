package com.roomagent.protocol.discovery;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Why a node could not be reached over a transport (R8). */
public enum ProbeFailure {
    /** No answer within the transport's timeout: the path drops packets silently. */
    TIMEOUT("timeout"),
    /** The node or a firewall refused the connection (TCP reset, ICMP port unreachable). */
    REFUSED("refused"),
    /** The local host has no route to the node. */
    NO_ROUTE("no-route"),
    /** The node's name did not resolve. */
    UNRESOLVED("unresolved"),
    /** The TLS handshake failed: untrusted certificate, wrong name, or a middlebox in the way. */
    TLS_FAILURE("tls-failure"),
    /** Something answered, but not with a valid STUN response to our request. */
    BAD_RESPONSE("bad-response"),
    /** The node does not offer this transport in the node list. */
    NOT_OFFERED("not-offered"),
    /** Any other I/O error; the detail says which. */
    IO_ERROR("io-error");

    private final String id;

    ProbeFailure(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    /**
     * Returns the failure named {@code id}.
     *
     * @throws IllegalArgumentException when no failure has that name
     */
    @JsonCreator
    public static ProbeFailure fromId(String id) {
        for (ProbeFailure failure : values()) {
            if (failure.id.equals(id)) {
                return failure;
            }
        }
        throw new IllegalArgumentException("unknown probe failure '" + id + "'");
    }
}
