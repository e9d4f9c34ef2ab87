/**
 * SRTP key material as values: {@link com.roomagent.av.srtp.SrtpKeys} (one direction's master key
 * and salt for {@code SRTP_AES128_CM_HMAC_SHA1_80}) and {@link com.roomagent.av.srtp.SrtpKeyPair}
 * (both directions, split from DTLS keying material as RFC 5764 section 4.2 says). Pure: no
 * GStreamer, no I/O. Key bytes never appear in a {@code toString()} or a log.
 */
package com.roomagent.av.srtp;
