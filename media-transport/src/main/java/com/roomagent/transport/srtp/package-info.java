/**
 * SRTP and SRTCP packet protection in Java (RFC 3711), profile {@code AES_CM_128_HMAC_SHA1_80}
 * only: {@link com.roomagent.transport.srtp.SrtpContext}, one per SSRC and direction, keyed by an
 * {@link com.roomagent.transport.srtp.SrtpMasterKey}. The cloud emulator's media node uses it to
 * terminate each participant's SRTP and re-protect it for the others; the agent itself hands its
 * keys to GStreamer's {@code srtpenc}/{@code srtpdec} (libsrtp), and tests check that both agree.
 * Pure: bytes in, bytes out, JDK crypto only, no I/O, no threads.
 */
package com.roomagent.transport.srtp;
