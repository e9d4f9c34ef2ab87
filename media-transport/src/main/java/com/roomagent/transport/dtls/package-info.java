/**
 * SRTP keys from a DTLS 1.2 handshake over a {@link com.roomagent.transport.MediaChannel} (R18),
 * with Eclipse Californium Scandium: the channel-backed connector, the media node's certificate
 * checked against the fingerprint from signaling (RFC 8122), and the RFC 5705 exporter split as
 * RFC 5764 section 4.2 says. Scandium types stay inside this package; callers see {@link
 * com.roomagent.transport.dtls.DtlsSrtpHandshake}, {@link com.roomagent.transport.dtls.SrtpKeyingMaterial}
 * and the certificate and fingerprint values. See docs/media-keys.md.
 */
package com.roomagent.transport.dtls;
