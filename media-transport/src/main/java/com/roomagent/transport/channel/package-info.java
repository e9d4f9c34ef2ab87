/**
 * The media channel on real sockets: a connected UDP socket, or a TCP or TLS connection with RFC
 * 4571 framing, each with one named reader thread; {@link
 * com.roomagent.transport.channel.RealChannelOpener} opens them.
 */
package com.roomagent.transport.channel;
