package com.roomagent.transport.dtls;

import java.nio.charset.StandardCharsets;

/**
 * The fixed parameters of our DTLS-SRTP keying, named once here and in docs/media-keys.md.
 *
 * <p>RFC 5764 negotiates the SRTP protection profile with the {@code use_srtp} extension and
 * exports keys with the label {@code "EXTRACTOR-dtls_srtp"}. Scandium 3.14 neither negotiates
 * {@code use_srtp} nor accepts a label outside the {@code EXPORTER}/{@code EXPERIMENTAL} prefixes
 * (its {@code PseudoRandomFunction.doExporterPRF}), so both ends agree out of band: signaling fixes
 * the profile, and the exporter uses a private label that RFC 5705 section 4 reserves for such
 * use ("labels beginning with EXPERIMENTAL MAY be used for private use without registration").
 * Both ends of a call must use the same label, or their keys differ and SRTP authentication
 * fails on the first packet.
 */
public final class DtlsSrtp {
    /** The exporter label (RFC 5705 section 4), in place of RFC 5764's {@code EXTRACTOR-dtls_srtp}. */
    public static final String EXPORTER_LABEL = "EXPERIMENTAL_roomagent_dtls_srtp";

    /**
     * The SRTP protection profile, fixed by signaling because Scandium does not negotiate {@code
     * use_srtp} (RFC 5764 section 4.1.2 calls it SRTP_AES128_CM_HMAC_SHA1_80: AES-128 counter mode,
     * HMAC-SHA1 with an 80-bit tag, 128-bit master key, 112-bit master salt).
     */
    public static final String SRTP_PROFILE = "SRTP_AES128_CM_HMAC_SHA1_80";

    /** The DTLS cipher suite both ends offer and accept, and nothing else. */
    public static final String CIPHER_SUITE = "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256";

    static byte[] exporterLabel() {
        return EXPORTER_LABEL.getBytes(StandardCharsets.US_ASCII);
    }

    private DtlsSrtp() {}
}
