/**
 * The media channel that both the agent and the cloud emulator's media nodes speak: one datagram
 * abstraction over UDP, TCP and TLS ({@link com.roomagent.transport.MediaChannel}), RFC 7983
 * demultiplexing ({@link com.roomagent.transport.PacketKind}), and DTLS-SRTP keying with Scandium.
 * It lives in its own module so that the emulator's media node and the agent share one
 * implementation without the emulator depending on the agent.
 */
package com.roomagent.transport;
