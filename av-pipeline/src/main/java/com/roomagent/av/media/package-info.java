/**
 * A call's media on this device, both ways: {@link com.roomagent.av.media.MediaSession} captures,
 * encodes, protects (SRTP) and hands every packet to a {@link
 * com.roomagent.av.media.MediaPacketSink}, and takes the far end's packets in {@link
 * com.roomagent.av.media.MediaSession#accept}, decrypts, decodes and plays them. The network is not
 * here: the media path owns the channel and the keys and plugs in through those two methods.
 *
 * <p>Pure parts, tested without GStreamer: {@code SessionPipeline} (the pipeline text), {@code
 * PacketRouter} (RFC 7983, RFC 5761, RFC 3711 routing), {@code KeySlots} (current and previous
 * receive keys), {@code KeyframeWatch}, {@code StatisticsMapper}. The GStreamer objects live in
 * {@code com.roomagent.av.gst}. Design, element-by-element reasons and costs: docs/av-pipeline.md,
 * "Media sessions".
 */
package com.roomagent.av.media;
