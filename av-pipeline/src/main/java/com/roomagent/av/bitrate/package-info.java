/**
 * Bitrate control (MISSION.md R21) as pure logic: {@link com.roomagent.av.bitrate.BitratePolicy}
 * turns the transport ({@link com.roomagent.av.bitrate.TransportKind}) and the far end's RTCP
 * receiver reports into a video bitrate target. The media session applies it to the encoder.
 */
package com.roomagent.av.bitrate;
