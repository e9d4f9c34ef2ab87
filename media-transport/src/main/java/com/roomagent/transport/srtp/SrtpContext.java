package com.roomagent.transport.srtp;

import com.roomagent.transport.srtp.SrtpException.Reason;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import javax.crypto.Mac;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.SecretKeySpec;

/**
 * The SRTP and SRTCP cryptographic context (RFC 3711 section 3.2) of one SSRC in one direction,
 * for the profile {@code AES_CM_128_HMAC_SHA1_80}: AES-128 counter mode (section 4.1.1), HMAC-SHA1
 * with an 80-bit tag (section 4.2), session keys derived once from the master key with key
 * derivation rate 0 (section 4.3), the rollover counter and sequence number estimate (section
 * 3.3.1, appendix A), a {@value ReplayWindow#SIZE}-packet replay window for SRTP and for SRTCP
 * (section 3.3.2), SRTCP with the E flag and a 31-bit index (section 3.4). No MKI.
 *
 * <p>A {@link #sending} context protects the packets this side sends under its SSRC; a {@link
 * #receiving} context authenticates and decrypts what one far SSRC sends. Each method returns a
 * new array and never modifies its input.
 *
 * <p>Threads: not thread-safe. A context has one owning thread, the one that sends (protect) or
 * receives (unprotect) that SSRC's packets; it reuses one {@code Cipher} and one {@code Mac} per
 * key for speed. Only {@link #statistics()} may be called from any thread.
 *
 * <p>Failures: a refused packet throws {@link SrtpException} with its {@link Reason}, leaves the
 * state as it was and is counted; it never breaks the context. Protecting fails only for a
 * malformed packet, a packet of another SSRC, or an exhausted index.
 */
public final class SrtpContext {
    /** The authentication tag length of the profile: 80 bits (RFC 3711 section 8.2). */
    public static final int AUTH_TAG_LENGTH = 10;
    /** The fixed RTP header (RFC 3550 section 5.1). */
    public static final int RTP_HEADER_LENGTH = 12;
    /** The RTCP header that SRTCP leaves in the clear: first word and SSRC (RFC 3711 section 3.4). */
    public static final int RTCP_HEADER_LENGTH = 8;
    /** The E flag and 31-bit SRTCP index appended to every SRTCP packet (RFC 3711 section 3.4). */
    public static final int SRTCP_INDEX_LENGTH = 4;
    /** The largest SRTCP index: 2^31 - 1 (RFC 3711 section 3.4). */
    public static final long MAX_SRTCP_INDEX = 0x7FFF_FFFFL;

    private static final int HMAC_SHA1_LENGTH = 20;
    private static final int E_FLAG = 0x80;

    /** Which way a context works. */
    public enum Direction {
        /** Protects what this side sends. */
        SENDING,
        /** Unprotects what one far SSRC sends. */
        RECEIVING
    }

    private final Direction direction;
    private final long ssrc;
    private final byte[] rtpSalt;
    private final byte[] rtcpSalt;
    private final AesCounterMode rtpCipher;
    private final AesCounterMode rtcpCipher;
    private final Mac rtpMac;
    private final Mac rtcpMac;
    private final byte[] tag = new byte[HMAC_SHA1_LENGTH];
    private final byte[] rocBytes = new byte[4];

    private final PacketIndexEstimator rtpIndex = new PacketIndexEstimator();
    private final ReplayWindow rtpReplay = new ReplayWindow();
    private final ReplayWindow rtcpReplay = new ReplayWindow();
    private long nextRtcpIndex;

    private final LongAdder rtpPackets = new LongAdder();
    private final LongAdder rtcpPackets = new LongAdder();
    private final AtomicLongArray refused = new AtomicLongArray(Reason.values().length);

    private SrtpContext(Direction direction, SrtpMasterKey master, long ssrc) {
        this.direction = Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(master, "master");
        if (ssrc < 0 || ssrc > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("an SSRC is a 32-bit unsigned number, got " + ssrc);
        }
        this.ssrc = ssrc;
        KeyDerivation.SessionKeys rtp = KeyDerivation.rtp(master);
        KeyDerivation.SessionKeys rtcp = KeyDerivation.rtcp(master);
        this.rtpSalt = rtp.salt();
        this.rtcpSalt = rtcp.salt();
        this.rtpCipher = new AesCounterMode(rtp.encryptionKey());
        this.rtcpCipher = new AesCounterMode(rtcp.encryptionKey());
        this.rtpMac = hmac(rtp.authenticationKey());
        this.rtcpMac = hmac(rtcp.authenticationKey());
        Arrays.fill(rtp.encryptionKey(), (byte) 0);
        Arrays.fill(rtp.authenticationKey(), (byte) 0);
        Arrays.fill(rtcp.encryptionKey(), (byte) 0);
        Arrays.fill(rtcp.authenticationKey(), (byte) 0);
    }

    /** A context that protects the packets this side sends from {@code ssrc} under {@code master}. */
    public static SrtpContext sending(SrtpMasterKey master, long ssrc) {
        return new SrtpContext(Direction.SENDING, master, ssrc);
    }

    /** A context that unprotects the packets the far side sends from {@code ssrc} under {@code master}. */
    public static SrtpContext receiving(SrtpMasterKey master, long ssrc) {
        return new SrtpContext(Direction.RECEIVING, master, ssrc);
    }

    /** The SSRC this context protects or unprotects. */
    public long ssrc() {
        return ssrc;
    }

    /** Which way this context works. */
    public Direction direction() {
        return direction;
    }

    /** See {@link #protectRtp(byte[], int, int)}. */
    public byte[] protectRtp(byte[] rtp) throws SrtpException {
        return protectRtp(rtp, 0, rtp.length);
    }

    /**
     * Encrypts the payload of an RTP packet and appends its 80-bit tag (RFC 3711 section 3.3).
     *
     * @return the SRTP packet, {@value #AUTH_TAG_LENGTH} bytes longer than the RTP packet
     * @throws SrtpException {@link Reason#TOO_SHORT}, {@link Reason#NOT_VERSION_2}, {@link
     *     Reason#WRONG_SSRC}, or {@link Reason#INDEX_EXHAUSTED} when the 48-bit index would wrap
     * @throws IllegalStateException on a receiving context
     */
    public byte[] protectRtp(byte[] rtp, int offset, int length) throws SrtpException {
        requireDirection(Direction.SENDING);
        int headerLength = rtpHeaderLength(rtp, offset, length, 0);
        int sequence = readUnsignedShort(rtp, offset + 2);
        long index = rtpIndex.estimate(sequence);
        if (index < 0) {
            throw refuse(Reason.INDEX_EXHAUSTED, "the 48-bit SRTP packet index is used up for SSRC " + ssrc);
        }
        byte[] out = new byte[length + AUTH_TAG_LENGTH];
        System.arraycopy(rtp, offset, out, 0, headerLength);
        rtpCipher.apply(rtpSalt, ssrc, index, rtp, offset + headerLength, length - headerLength, out, headerLength);
        rtpTag(out, length, index >>> 16);
        System.arraycopy(tag, 0, out, length, AUTH_TAG_LENGTH);
        rtpIndex.update(index);
        rtpPackets.increment();
        return out;
    }

    /** See {@link #unprotectRtp(byte[], int, int)}. */
    public byte[] unprotectRtp(byte[] srtp) throws SrtpException {
        return unprotectRtp(srtp, 0, srtp.length);
    }

    /**
     * Authenticates an SRTP packet, checks it against the replay window, decrypts its payload and
     * removes its tag (RFC 3711 section 3.3); only then does it move the rollover counter and the
     * window.
     *
     * @return the RTP packet
     * @throws SrtpException {@link Reason#TOO_SHORT}, {@link Reason#NOT_VERSION_2}, {@link
     *     Reason#WRONG_SSRC}, {@link Reason#REPLAYED}, {@link Reason#TOO_OLD} or {@link
     *     Reason#AUTHENTICATION_FAILED}
     * @throws IllegalStateException on a sending context
     */
    public byte[] unprotectRtp(byte[] srtp, int offset, int length) throws SrtpException {
        requireDirection(Direction.RECEIVING);
        int headerLength = rtpHeaderLength(srtp, offset, length, AUTH_TAG_LENGTH);
        int sequence = readUnsignedShort(srtp, offset + 2);
        long index = rtpIndex.estimate(sequence);
        if (index < 0) {
            throw refuse(Reason.TOO_OLD, "sequence " + sequence + " falls before the first packet of SSRC " + ssrc);
        }
        checkReplay(rtpReplay, index, "SRTP index");
        int authenticated = length - AUTH_TAG_LENGTH;
        rtpTag(srtp, offset, authenticated, index >>> 16);
        if (!tagMatches(srtp, offset + authenticated)) {
            throw refuse(
                    Reason.AUTHENTICATION_FAILED,
                    "SRTP tag mismatch for SSRC " + ssrc + " sequence " + sequence + ": wrong key or altered packet");
        }
        byte[] out = new byte[authenticated];
        System.arraycopy(srtp, offset, out, 0, headerLength);
        rtpCipher.apply(
                rtpSalt, ssrc, index, srtp, offset + headerLength, authenticated - headerLength, out, headerLength);
        rtpIndex.update(index);
        rtpReplay.accept(index);
        rtpPackets.increment();
        return out;
    }

    /** See {@link #protectRtcp(byte[], int, int)}. */
    public byte[] protectRtcp(byte[] rtcp) throws SrtpException {
        return protectRtcp(rtcp, 0, rtcp.length);
    }

    /**
     * Encrypts an RTCP (compound) packet after its first 8 bytes, appends the E flag with the next
     * SRTCP index and the 80-bit tag (RFC 3711 section 3.4). The first packet gets index 0, as the
     * RFC says (libsrtp starts at 1; receivers accept both).
     *
     * @return the SRTCP packet, 14 bytes longer
     * @throws SrtpException {@link Reason#TOO_SHORT}, {@link Reason#NOT_VERSION_2}, {@link
     *     Reason#WRONG_SSRC}, or {@link Reason#INDEX_EXHAUSTED} after 2^31 packets
     * @throws IllegalStateException on a receiving context
     */
    public byte[] protectRtcp(byte[] rtcp, int offset, int length) throws SrtpException {
        requireDirection(Direction.SENDING);
        checkRtcpHeader(rtcp, offset, length, 0);
        if (nextRtcpIndex > MAX_SRTCP_INDEX) {
            throw refuse(Reason.INDEX_EXHAUSTED, "the 31-bit SRTCP index is used up for SSRC " + ssrc);
        }
        long index = nextRtcpIndex;
        byte[] out = new byte[length + SRTCP_INDEX_LENGTH + AUTH_TAG_LENGTH];
        System.arraycopy(rtcp, offset, out, 0, RTCP_HEADER_LENGTH);
        rtcpCipher.apply(
                rtcpSalt,
                ssrc,
                index,
                rtcp,
                offset + RTCP_HEADER_LENGTH,
                length - RTCP_HEADER_LENGTH,
                out,
                RTCP_HEADER_LENGTH);
        out[length] = (byte) (E_FLAG | (index >>> 24));
        out[length + 1] = (byte) (index >>> 16);
        out[length + 2] = (byte) (index >>> 8);
        out[length + 3] = (byte) index;
        rtcpTag(out, 0, length + SRTCP_INDEX_LENGTH);
        System.arraycopy(tag, 0, out, length + SRTCP_INDEX_LENGTH, AUTH_TAG_LENGTH);
        nextRtcpIndex = index + 1;
        rtcpPackets.increment();
        return out;
    }

    /** See {@link #unprotectRtcp(byte[], int, int)}. */
    public byte[] unprotectRtcp(byte[] srtcp) throws SrtpException {
        return unprotectRtcp(srtcp, 0, srtcp.length);
    }

    /**
     * Authenticates an SRTCP packet, checks its index against the replay window, decrypts it if
     * its E flag is set and removes index and tag (RFC 3711 section 3.4).
     *
     * @return the RTCP (compound) packet
     * @throws SrtpException {@link Reason#TOO_SHORT}, {@link Reason#NOT_VERSION_2}, {@link
     *     Reason#WRONG_SSRC}, {@link Reason#REPLAYED}, {@link Reason#TOO_OLD} or {@link
     *     Reason#AUTHENTICATION_FAILED}
     * @throws IllegalStateException on a sending context
     */
    public byte[] unprotectRtcp(byte[] srtcp, int offset, int length) throws SrtpException {
        requireDirection(Direction.RECEIVING);
        checkRtcpHeader(srtcp, offset, length, SRTCP_INDEX_LENGTH + AUTH_TAG_LENGTH);
        int authenticated = length - AUTH_TAG_LENGTH;
        int indexAt = offset + authenticated - SRTCP_INDEX_LENGTH;
        long word = readUnsignedInt(srtcp, indexAt);
        boolean encrypted = (word & 0x8000_0000L) != 0;
        long index = word & MAX_SRTCP_INDEX;
        checkReplay(rtcpReplay, index, "SRTCP index");
        rtcpTag(srtcp, offset, authenticated);
        if (!tagMatches(srtcp, offset + authenticated)) {
            throw refuse(
                    Reason.AUTHENTICATION_FAILED,
                    "SRTCP tag mismatch for SSRC " + ssrc + " index " + index + ": wrong key or altered packet");
        }
        int rtcpLength = authenticated - SRTCP_INDEX_LENGTH;
        byte[] out = new byte[rtcpLength];
        System.arraycopy(srtcp, offset, out, 0, RTCP_HEADER_LENGTH);
        if (encrypted) {
            rtcpCipher.apply(
                    rtcpSalt,
                    ssrc,
                    index,
                    srtcp,
                    offset + RTCP_HEADER_LENGTH,
                    rtcpLength - RTCP_HEADER_LENGTH,
                    out,
                    RTCP_HEADER_LENGTH);
        } else {
            System.arraycopy(
                    srtcp, offset + RTCP_HEADER_LENGTH, out, RTCP_HEADER_LENGTH, rtcpLength - RTCP_HEADER_LENGTH);
        }
        rtcpReplay.accept(index);
        rtcpPackets.increment();
        return out;
    }

    /** What this context did so far; callable from any thread. */
    public SrtpStatistics statistics() {
        Map<Reason, Long> byReason = new EnumMap<>(Reason.class);
        for (Reason reason : Reason.values()) {
            byReason.put(reason, refused.get(reason.ordinal()));
        }
        return new SrtpStatistics(rtpPackets.sum(), rtcpPackets.sum(), byReason);
    }

    /** The current rollover counter of the SRTP stream (RFC 3711 section 3.3.1). */
    public long rolloverCounter() {
        return rtpIndex.rolloverCounter();
    }

    /** Sets the next SRTCP index this sending context uses; for reproducing another sender's packets. */
    void nextRtcpIndex(long index) {
        this.nextRtcpIndex = index;
    }

    private void requireDirection(Direction wanted) {
        if (direction != wanted) {
            throw new IllegalStateException("this SRTP context for SSRC " + ssrc + " is " + direction
                    + "; use a separate context for each direction");
        }
    }

    /** The RTP header length with CSRCs and extension (RFC 3550 section 5.1, 5.3.1), checked. */
    private int rtpHeaderLength(byte[] packet, int offset, int length, int trailer) throws SrtpException {
        Objects.checkFromIndexSize(offset, length, packet.length);
        if (length < RTP_HEADER_LENGTH + trailer) {
            throw refuse(Reason.TOO_SHORT, length + " bytes, less than an RTP header" + trailerText(trailer));
        }
        int first = packet[offset] & 0xFF;
        if (first >>> 6 != 2) {
            throw refuse(Reason.NOT_VERSION_2, "RTP version " + (first >>> 6) + ", expected 2");
        }
        long packetSsrc = readUnsignedInt(packet, offset + 8);
        if (packetSsrc != ssrc) {
            throw refuse(Reason.WRONG_SSRC, "SSRC " + packetSsrc + " in a context for SSRC " + ssrc);
        }
        int headerLength = RTP_HEADER_LENGTH + 4 * (first & 0x0F);
        if ((first & 0x10) != 0) {
            if (length < headerLength + 4 + trailer) {
                throw refuse(
                        Reason.TOO_SHORT, length + " bytes, less than its header extension" + trailerText(trailer));
            }
            headerLength += 4 + 4 * readUnsignedShort(packet, offset + headerLength + 2);
        }
        if (length < headerLength + trailer) {
            throw refuse(
                    Reason.TOO_SHORT,
                    length + " bytes, less than its " + headerLength + "-byte header" + trailerText(trailer));
        }
        return headerLength;
    }

    private void checkRtcpHeader(byte[] packet, int offset, int length, int trailer) throws SrtpException {
        Objects.checkFromIndexSize(offset, length, packet.length);
        if (length < RTCP_HEADER_LENGTH + trailer) {
            throw refuse(Reason.TOO_SHORT, length + " bytes, less than an RTCP header" + trailerText(trailer));
        }
        int first = packet[offset] & 0xFF;
        if (first >>> 6 != 2) {
            throw refuse(Reason.NOT_VERSION_2, "RTCP version " + (first >>> 6) + ", expected 2");
        }
        long packetSsrc = readUnsignedInt(packet, offset + 4);
        if (packetSsrc != ssrc) {
            throw refuse(Reason.WRONG_SSRC, "SSRC " + packetSsrc + " in a context for SSRC " + ssrc);
        }
    }

    private static String trailerText(int trailer) {
        return trailer == 0 ? "" : " and its " + trailer + "-byte SRTP trailer";
    }

    private void checkReplay(ReplayWindow window, long index, String what) throws SrtpException {
        switch (window.check(index)) {
            case FRESH -> {}
            case REPLAYED -> throw refuse(Reason.REPLAYED, what + " " + index + " of SSRC " + ssrc + " seen before");
            case TOO_OLD ->
                throw refuse(
                        Reason.TOO_OLD,
                        what + " " + index + " of SSRC " + ssrc + " is more than " + ReplayWindow.SIZE
                                + " behind the newest, " + window.highest());
        }
    }

    /** HMAC-SHA1 over the authenticated portion then the ROC (RFC 3711 section 4.2), into {@link #tag}. */
    private void rtpTag(byte[] packet, int offset, int length, long roc) {
        rocBytes[0] = (byte) (roc >>> 24);
        rocBytes[1] = (byte) (roc >>> 16);
        rocBytes[2] = (byte) (roc >>> 8);
        rocBytes[3] = (byte) roc;
        rtpMac.update(packet, offset, length);
        rtpMac.update(rocBytes);
        finish(rtpMac);
    }

    private void rtpTag(byte[] packet, int length, long roc) {
        rtpTag(packet, 0, length, roc);
    }

    /** HMAC-SHA1 over header, encrypted part and E||index (RFC 3711 section 3.4), into {@link #tag}. */
    private void rtcpTag(byte[] packet, int offset, int length) {
        rtcpMac.update(packet, offset, length);
        finish(rtcpMac);
    }

    private void finish(Mac mac) {
        try {
            mac.doFinal(tag, 0);
        } catch (ShortBufferException e) {
            throw new IllegalStateException("HMAC-SHA1 output is 20 bytes", e);
        }
    }

    /** Compares the first 80 bits of {@link #tag} in constant time. */
    private boolean tagMatches(byte[] packet, int at) {
        int difference = 0;
        for (int i = 0; i < AUTH_TAG_LENGTH; i++) {
            difference |= tag[i] ^ packet[at + i];
        }
        return difference == 0;
    }

    private SrtpException refuse(Reason reason, String message) {
        refused.incrementAndGet(reason.ordinal());
        return new SrtpException(reason, message);
    }

    private static Mac hmac(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            return mac;
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA1 refused a 160-bit key", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no HmacSHA1, which every Java 17 runtime has", e);
        }
    }

    private static int readUnsignedShort(byte[] b, int at) {
        return ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
    }

    private static long readUnsignedInt(byte[] b, int at) {
        return ((long) (b[at] & 0xFF) << 24)
                | ((b[at + 1] & 0xFF) << 16)
                | ((b[at + 2] & 0xFF) << 8)
                | (b[at + 3] & 0xFF);
    }
}
