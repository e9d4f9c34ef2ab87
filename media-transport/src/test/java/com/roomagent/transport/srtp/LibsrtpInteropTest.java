package com.roomagent.transport.srtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.roomagent.av.gst.AppSinkPipeline.AtEnd;
import com.roomagent.av.gst.LivePipeline;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Our SRTP against an independent implementation, libsrtp, driven through GStreamer's {@code
 * srtpdec} and {@code srtpenc}: what we protect, libsrtp authenticates and decrypts to the
 * original; what libsrtp protects, we do. The streams cross a sequence number wrap, so both sides
 * must agree on the rollover counter too.
 */
@Timeout(60)
class LibsrtpInteropTest {
    private static final Duration PLAY = Duration.ofSeconds(10);
    private static final long SSRC = 0x5EED_0001L;
    private static final int FIRST_SEQUENCE = 65_436;
    private static final int PACKETS = 200;
    private static final int RTCP_PACKETS = 5;
    private static final String PROFILE_CAPS = ",srtp-cipher=(string)aes-128-icm,srtp-auth=(string)hmac-sha1-80"
            + ",srtcp-cipher=(string)aes-128-icm,srtcp-auth=(string)hmac-sha1-80";
    private static final String RTP_CAPS = "media=(string)video,clock-rate=(int)90000,encoding-name=(string)H264"
            + ",payload=(int)96,ssrc=(uint)" + SSRC;
    private static final String APPSRC = " is-live=true format=time do-timestamp=true max-bytes=10000000";
    private static final String APPSINK = " emit-signals=true sync=false async=false enable-last-sample=false";

    private final SrtpMasterKey key = SrtpContextTest.randomKey(42);

    @Test
    void libsrtpDecryptsWhatWeProtectToTheOriginalRtpAndRtcp() throws Exception {
        SrtpContext sender = SrtpContext.sending(key, SSRC);
        List<byte[]> rtp = rtpStream();
        List<byte[]> rtcp = rtcpStream();
        Recording recording = new Recording();
        String description = "appsrc name=in" + APPSRC + " ! srtpdec name=dec"
                + " dec.rtp_src ! appsink name=rtp" + APPSINK
                + " dec.rtcp_src ! appsink name=rtcp" + APPSINK;
        try (LivePipeline pipeline = LivePipeline.create(description, AtEnd.REPORT, recording)) {
            byte[] keyThenSalt = key.keyThenSalt();
            pipeline.setCaps(
                    "in",
                    "application/x-srtp," + RTP_CAPS + ",srtp-key=(buffer)"
                            + HexFormat.of().formatHex(keyThenSalt) + PROFILE_CAPS);
            pipeline.onSamples("rtp", data -> Recording.copyInto(recording.rtp, data));
            pipeline.onSamples("rtcp", data -> Recording.copyInto(recording.rtcp, data));
            pipeline.play(PLAY);

            for (int i = 0; i < PACKETS; i++) {
                assertTrue(pipeline.push("in", sender.protectRtp(rtp.get(i))), "pushed packet " + i);
                if (i % 40 == 0) {
                    assertTrue(pipeline.push("in", sender.protectRtcp(rtcp.get(i / 40))), "pushed report " + i);
                }
            }

            assertStreamEquals(rtp, recording.rtp, "RTP out of srtpdec", recording);
            assertStreamEquals(rtcp, recording.rtcp, "RTCP out of srtpdec", recording);
            assertEquals(1, sender.rolloverCounter(), "the stream crossed a sequence number wrap");

            // libsrtp really authenticates what we send: an altered packet is dropped, the genuine one passes.
            byte[] next = RtpPackets.rtp(SSRC, (FIRST_SEQUENCE + PACKETS) & 0xFFFF, 100);
            byte[] genuine = sender.protectRtp(next);
            byte[] altered = genuine.clone();
            altered[40] ^= 1;
            assertTrue(pipeline.push("in", altered));
            assertTrue(pipeline.push("in", genuine));
            assertArrayEquals(next, recording.take(recording.rtp, "the genuine packet"));
            Map<String, Object> stats = pipeline.structureProperty("dec", "stats");
            assertEquals(1L, stats.get("recv-drop-count"), "srtpdec stats " + stats);
            assertTrue(recording.rtp.isEmpty(), "nothing but the genuine packet came out");
        }
    }

    @Test
    void weDecryptWhatLibsrtpProtectsToTheOriginalRtpAndRtcp() throws Exception {
        SrtpContext receiver = SrtpContext.receiving(key, SSRC);
        List<byte[]> rtp = rtpStream();
        List<byte[]> rtcp = rtcpStream();
        Recording recording = new Recording();
        String description = "srtpenc name=enc rtp-cipher=aes-128-icm rtp-auth=hmac-sha1-80"
                + " rtcp-cipher=aes-128-icm rtcp-auth=hmac-sha1-80"
                + " appsrc name=rtpin" + APPSRC + " ! enc.rtp_sink_0"
                + " appsrc name=rtcpin" + APPSRC + " ! enc.rtcp_sink_0"
                + " enc.rtp_src_0 ! appsink name=srtp" + APPSINK
                + " enc.rtcp_src_0 ! appsink name=srtcp" + APPSINK;
        try (LivePipeline pipeline = LivePipeline.create(description, AtEnd.REPORT, recording)) {
            byte[] keyThenSalt = key.keyThenSalt();
            pipeline.setBytes("enc", "key", keyThenSalt);
            pipeline.setCaps("rtpin", "application/x-rtp," + RTP_CAPS);
            pipeline.setCaps("rtcpin", "application/x-rtcp");
            pipeline.onSamples("srtp", data -> Recording.copyInto(recording.rtp, data));
            pipeline.onSamples("srtcp", data -> Recording.copyInto(recording.rtcp, data));
            pipeline.play(PLAY);

            for (byte[] packet : rtp) {
                assertTrue(pipeline.push("rtpin", packet));
            }
            for (byte[] report : rtcp) {
                assertTrue(pipeline.push("rtcpin", report));
            }

            for (int i = 0; i < PACKETS; i++) {
                byte[] srtp = recording.take(recording.rtp, "SRTP packet " + i + " out of srtpenc");
                assertEquals(rtp.get(i).length + SrtpContext.AUTH_TAG_LENGTH, srtp.length);
                assertArrayEquals(rtp.get(i), receiver.unprotectRtp(srtp), "packet " + i);
            }
            for (int i = 0; i < RTCP_PACKETS; i++) {
                byte[] srtcp = recording.take(recording.rtcp, "SRTCP packet " + i + " out of srtpenc");
                assertArrayEquals(rtcp.get(i), receiver.unprotectRtcp(srtcp), "report " + i);
            }
            assertEquals(1, receiver.rolloverCounter(), "the stream crossed a sequence number wrap");
            assertEquals(0, receiver.statistics().refusedPackets());
        }
    }

    /** 200 packets of 1 to 1200 bytes of payload, sequence numbers 65436 to 99 (across the wrap). */
    private static List<byte[]> rtpStream() {
        List<byte[]> packets = new ArrayList<>();
        for (int i = 0; i < PACKETS; i++) {
            packets.add(RtpPackets.rtp(SSRC, (FIRST_SEQUENCE + i) & 0xFFFF, 1 + (i * 397) % 1200));
        }
        return packets;
    }

    private static List<byte[]> rtcpStream() {
        List<byte[]> reports = new ArrayList<>();
        for (int i = 0; i < RTCP_PACKETS; i++) {
            reports.add(RtpPackets.receiverReport(SSRC, i));
        }
        return reports;
    }

    private static void assertStreamEquals(
            List<byte[]> expected, BlockingQueue<byte[]> actual, String what, Recording recording)
            throws InterruptedException {
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i), recording.take(actual, what + " #" + i), what + " #" + i);
        }
    }

    private static final class Recording implements LivePipeline.Listener {
        final BlockingQueue<byte[]> rtp = new LinkedBlockingQueue<>();
        final BlockingQueue<byte[]> rtcp = new LinkedBlockingQueue<>();
        final BlockingQueue<String> errors = new LinkedBlockingQueue<>();

        static void copyInto(BlockingQueue<byte[]> queue, ByteBuffer data) {
            byte[] copy = new byte[data.remaining()];
            data.get(copy);
            queue.add(copy);
        }

        byte[] take(BlockingQueue<byte[]> queue, String what) throws InterruptedException {
            byte[] packet = queue.poll(10, TimeUnit.SECONDS);
            assertNotNull(packet, what + " did not arrive within 10 s; pipeline errors: " + errors);
            return packet;
        }

        @Override
        public void onError(String elementName, String message) {
            errors.add(elementName + ": " + message);
        }

        @Override
        public void onEndOfStream() {}

        @Override
        public void onLevel(String elementName, double[] rmsDecibels) {}
    }
}
