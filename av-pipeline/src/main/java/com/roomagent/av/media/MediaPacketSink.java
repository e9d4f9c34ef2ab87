package com.roomagent.av.media;

import java.nio.ByteBuffer;

/**
 * Where a {@link MediaSession} hands every packet it sends: SRTP (video and audio) and SRTCP
 * (sender and receiver reports, feedback), each complete and ready for the wire. The media path
 * implements it over its datagram channel (UDP, or TCP/TLS with RFC 4571 framing); tests use an
 * in-memory channel.
 *
 * <p>Contract: {@link #send} is called on GStreamer's streaming threads, one call at a time. It
 * must not block for long (a slow sink delays the encoders): queue or drop, and count what is
 * dropped. {@code packet} is read-only and valid only during the call; copy what you keep. An
 * exception thrown here is logged and the packet is lost; the session goes on.
 */
@FunctionalInterface
public interface MediaPacketSink {
    /** One SRTP or SRTCP packet, from its {@code position()} to its {@code limit()}. */
    void send(ByteBuffer packet);
}
