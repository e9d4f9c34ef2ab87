/**
 * Packet framing on TCP and TLS byte streams: RFC 4571 length prefixes (as ICE-TCP, RFC 6544,
 * uses them) and bare STUN messages (RFC 5389 §7.2.2). Pure stream transformations; the caller
 * owns the streams, their timeouts and their closing.
 */
package com.roomagent.protocol.framing;
