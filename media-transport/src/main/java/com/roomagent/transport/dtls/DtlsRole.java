package com.roomagent.transport.dtls;

/**
 * Which side of the DTLS handshake an endpoint plays. A room device initiates every connection
 * (MISSION.md R1), so it is the {@link #CLIENT}; the media node is the {@link #SERVER}. The role
 * decides which half of the keying material protects what an endpoint sends (RFC 5764 section
 * 4.2).
 */
public enum DtlsRole {
    /** Sends the ClientHello; sends SRTP with the client write key and salt. */
    CLIENT,
    /** Answers it; sends SRTP with the server write key and salt. */
    SERVER
}
