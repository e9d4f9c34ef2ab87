package com.roomagent.transport.srtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Our SRTP and SRTCP reproduce, byte for byte, the reference packets of libsrtp's srtp_validate(). */
class LibsrtpVectorsTest {
    private final TestVectors vectors = TestVectors.libsrtp();
    private final SrtpMasterKey key = SrtpMasterKey.fromKeyThenSalt(vectors.hex("keyThenSalt"));
    private final long ssrc = Long.parseLong(vectors.text("ssrc"), 16);

    @Test
    void protectingTheReferenceRtpPacketGivesLibsrtpsCiphertext() throws SrtpException {
        byte[] srtp = SrtpContext.sending(key, ssrc).protectRtp(vectors.hex("rtp"));

        assertArrayEquals(vectors.hex("srtp"), srtp, HexFormat.of().formatHex(srtp));
    }

    @Test
    void unprotectingLibsrtpsCiphertextGivesTheReferenceRtpPacket() throws SrtpException {
        assertArrayEquals(vectors.hex("rtp"), SrtpContext.receiving(key, ssrc).unprotectRtp(vectors.hex("srtp")));
    }

    @Test
    void protectingTheReferenceRtcpPacketAtLibsrtpsFirstIndexGivesLibsrtpsCiphertext() throws SrtpException {
        SrtpContext sender = SrtpContext.sending(key, ssrc);
        sender.nextRtcpIndex(vectors.number("srtcpIndex"));

        byte[] srtcp = sender.protectRtcp(vectors.hex("rtcp"));

        assertArrayEquals(vectors.hex("srtcp"), srtcp, HexFormat.of().formatHex(srtcp));
    }

    @Test
    void unprotectingLibsrtpsSrtcpCiphertextGivesTheReferenceRtcpPacket() throws SrtpException {
        assertArrayEquals(vectors.hex("rtcp"), SrtpContext.receiving(key, ssrc).unprotectRtcp(vectors.hex("srtcp")));
    }
}
