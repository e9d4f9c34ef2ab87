package com.roomagent.av.srtp;

/**
 * Which side of the DTLS handshake this device was: it decides which half of the exported keying
 * material protects what we send (RFC 5764 section 4.2). A room device initiates every connection
 * (MISSION.md R1), so it is normally the {@link #CLIENT} and the media node the {@link #SERVER}.
 */
public enum DtlsRole {
    /** Sent the ClientHello: sends with the client write key, receives with the server write key. */
    CLIENT,
    /** Answered it: sends with the server write key, receives with the client write key. */
    SERVER
}
